// Entry point of dist/batch.mjs. The CLI itself (main.ts and everything it bundles) follows
// this loader in a comment at the end of the file (see scripts/bundle.mjs); the loader reads it
// back and compiles it with node:vm, so that V8's code cache can be kept between
// runs: a short-lived process otherwise spends a good part of its time compiling the same
// functions again (yargs, the client, the command). The first run of a command writes the
// cache after the command has run, so it holds every function that command compiled; later
// runs of the same command deserialise it instead of parsing (compile-cache-path.ts). Node 22 offers the same as module.enableCompileCache(); Node 20 does
// not. The cache is only an accelerator: any problem with it (missing, stale, unwritable,
// corrupt; V8 checks it) means a normal compile.
import { createRequire } from "node:module";
import {
  compileCacheCommand,
  compileCacheDir,
  compileCacheFile,
  maxCacheFiles,
} from "./compile-cache-path.js";

declare const __APP_LENGTH__: number;
declare const __APP_ESCAPED__: boolean;
declare const __APP_COMMENT_END_ESCAPE__: string;
declare const __APP_HASH__: string;

const require = createRequire(import.meta.url);
const { Script, constants } = require("node:vm") as typeof import("node:vm");
const fs = require("node:fs") as typeof import("node:fs");
const { join } = require("node:path") as typeof import("node:path");
const { fileURLToPath } = require("node:url") as typeof import("node:url");

const appSource = readAppSource(fs.readFileSync(fileURLToPath(import.meta.url), "latin1"));
if (appSource === undefined) {
  process.stderr.write(
    "error: batch.mjs is damaged (the CLI after its loader is cut); reinstall it\n",
  );
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
script.runInThisContext()(require, module, module.exports, import.meta.url);

/** The CLI's source from the comment that ends `file` (`/*<source>*\/`), if it is whole. */
function readAppSource(file: string): string | undefined {
  const end = file.lastIndexOf("*/");
  const start = end - __APP_LENGTH__;
  if (end < 0 || start < 2 || file.slice(start - 2, start) !== "/*") return undefined;
  const source = file.slice(start, end);
  return __APP_ESCAPED__ ? source.replaceAll(__APP_COMMENT_END_ESCAPE__, "*/") : source;
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
