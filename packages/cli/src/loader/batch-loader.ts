// Entry point of dist/batch.mjs. The CLI itself (main.ts and everything it bundles) and the
// packages it loads on demand follow this loader in comments at the end of the file (see
// scripts/bundle.mjs). The loader reads the CLI back and compiles it with node:vm, so that V8's
// code cache can be kept between runs: a short-lived process otherwise spends a good part of
// its time compiling the same functions again (yargs, the client, the command). The first run
// of a command writes the cache after the command has run, so it holds every function that
// command compiled; later runs of the same command deserialise it instead of parsing
// (compile-cache-path.ts). Node 22 offers the same as module.enableCompileCache(); Node 20 does
// not. The cache is only an accelerator: any problem with it (missing, stale, unwritable,
// corrupt; V8 checks it) means a normal compile.
import { createRequire } from "node:module";
import {
  compileCacheCommand,
  compileCacheDir,
  compileCacheFile,
  maxCacheFiles,
} from "./compile-cache-path.js";

/** Where each comment's text lies: its distance from the end of the file, and its length. */
declare const __CHUNKS__: Record<string, { fromEnd: number; length: number }>;
declare const __COMMENT_END_ESCAPE__: string;
declare const __APP_HASH__: string;

const require = createRequire(import.meta.url);
const { Script, constants } = require("node:vm") as typeof import("node:vm");
const fs = require("node:fs") as typeof import("node:fs");
const { join } = require("node:path") as typeof import("node:path");
const { fileURLToPath } = require("node:url") as typeof import("node:url");

const bundleFile = fileURLToPath(import.meta.url);
const damaged = "batch.mjs is damaged (a part after its loader is cut); reinstall it";

const appSource = readChunk("app");
if (appSource === undefined) {
  process.stderr.write(`error: ${damaged}\n`);
  process.exit(1);
}

const dir = compileCacheDir(process.env);
const file =
  dir === undefined
    ? undefined
    : join(dir, compileCacheFile(__APP_HASH__, compileCacheCommand(process.argv.slice(2))));

let cachedData: Buffer | undefined;
if (file !== undefined) {
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
}

const script = new Script(appSource, {
  filename: "batch.mjs",
  ...(cachedData === undefined ? {} : { cachedData }),
  // `import()` inside the CLI (the optional @azure/identity) resolves as from this file.
  importModuleDynamically:
    constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ??
    ((specifier: string) => import(specifier) as never),
});

if (
  dir !== undefined &&
  file !== undefined &&
  (cachedData === undefined || script.cachedDataRejected)
) {
  process.once("exit", () => writeCache(dir, file));
}

const module = { exports: {} };
script.runInThisContext()(require, module, module.exports, import.meta.url, deferredSource);

/** The source of a package the CLI loads on demand (see scripts/deferred-modules.mjs). */
function deferredSource(name: string): string {
  const source = readChunk(name);
  if (source === undefined) throw new Error(damaged);
  return source;
}

/** One comment's text, read from the file, or undefined when the file is not whole. */
function readChunk(name: string): string | undefined {
  const chunk = __CHUNKS__[name];
  if (chunk === undefined) return undefined;
  const fd = fs.openSync(bundleFile, "r");
  try {
    const start = fs.fstatSync(fd).size - chunk.fromEnd;
    // The comment's own "/*" and "*/" are read too, to make sure the file is the one built.
    const bytes = Buffer.allocUnsafe(chunk.length + 4);
    const read = start < 2 ? 0 : fs.readSync(fd, bytes, 0, bytes.length, start - 2);
    if (read !== bytes.length) return undefined;
    const text = bytes.toString("latin1");
    if (!text.startsWith("/*") || !text.endsWith("*/")) return undefined;
    return text.slice(2, -2).replaceAll(__COMMENT_END_ESCAPE__, "*/");
  } finally {
    fs.closeSync(fd);
  }
}

function writeCache(cacheDir: string, cacheFile: string): void {
  try {
    fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    // Caches of other builds of the CLI are of no further use.
    let ours = 0;
    for (const name of fs.readdirSync(cacheDir)) {
      if (!name.startsWith("app-") || !name.endsWith(".v8")) continue;
      if (name.startsWith(`app-${__APP_HASH__}-`)) ours++;
      else fs.rmSync(join(cacheDir, name), { force: true });
    }
    if (ours >= maxCacheFiles && !fs.existsSync(cacheFile)) return;
    // Written aside and renamed, so a concurrent run never reads half a file.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, cacheFile);
  } catch {
    // A read-only or full disk only costs the speed-up.
  }
}
