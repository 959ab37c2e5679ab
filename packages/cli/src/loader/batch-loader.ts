// Entry point of dist/batch.mjs. The CLI itself (main.ts and everything it bundles) is
// embedded as a string and compiled with node:vm, so that V8's code cache can be kept between
// runs: a short-lived process otherwise spends a good part of its time compiling the same
// functions again (yargs, the client, the command). The first run writes the cache after its
// command has run, so it holds every function that command compiled; later runs deserialise
// it instead of parsing. Node 22 offers the same as module.enableCompileCache(); Node 20 does
// not. The cache is only an accelerator: any problem with it (missing, stale, unwritable,
// corrupt; V8 checks it) means a normal compile.
import { createRequire } from "node:module";
import { compileCacheDir, compileCacheFile } from "./compile-cache-path.js";

declare const __APP_SOURCE__: string;
declare const __APP_HASH__: string;

const require = createRequire(import.meta.url);
const { Script, constants } = require("node:vm") as typeof import("node:vm");
const fs = require("node:fs") as typeof import("node:fs");
const { join } = require("node:path") as typeof import("node:path");

const dir = compileCacheDir(process.env);
const file = dir === undefined ? undefined : join(dir, compileCacheFile(__APP_HASH__));

let cachedData: Buffer | undefined;
if (file !== undefined) {
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
}

const script = new Script(__APP_SOURCE__, {
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

function writeCache(cacheDir: string, cacheFile: string): void {
  try {
    fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    // Caches of other builds of the CLI are of no further use.
    for (const name of fs.readdirSync(cacheDir)) {
      if (
        name.startsWith("app-") &&
        name.endsWith(".v8") &&
        !name.startsWith(`app-${__APP_HASH__}-`)
      ) {
        fs.rmSync(join(cacheDir, name), { force: true });
      }
    }
    // Written aside and renamed, so a concurrent run never reads half a file.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, cacheFile);
  } catch {
    // A read-only or full disk only costs the speed-up.
  }
}
