// Entry point of dist/batch.mjs. The CLI itself (main.ts and everything it bundles) and the
// packages it loads on demand follow this loader in comments at the end of the file
// (bundle-parts.ts). The loader reads the CLI back and compiles it with node:vm, so that V8's
// code cache can be kept between runs: a short-lived process otherwise spends a good part of
// its time compiling the same functions again (yargs, the client, the command). The first run
// of a command writes the cache after the command has run, so it holds every function that
// command compiled; later runs of the same command deserialise it instead of parsing
// (compile-cache-path.ts, compile-cache-key.ts). Node 22 offers the same as
// module.enableCompileCache(); Node 20 does not. The cache is only an accelerator: any problem
// with it (missing, stale, unwritable, corrupt, a folder another user could write) means a
// normal compile, explained on stderr under BATCH_DEBUG (debug-notes.ts).
import { createRequire } from "node:module";
import { debugNotes } from "../debug-notes.js";
import { BundlePartError, type PartPlace, readBundlePart } from "./bundle-parts.js";
import { compileCacheKeyHash, processCompileCacheKey } from "./compile-cache-key.js";
import { compileCacheCommand, compileCacheDir, compileCacheFile } from "./compile-cache-path.js";
import {
  type CacheRead,
  readCompileCache,
  refreshCompileCache,
  writeCompileCache,
} from "./compile-cache-store.js";

declare const __PARTS__: Record<string, PartPlace>;
declare const __COMMENT_END_ESCAPE__: string;
declare const __APP_HASH__: string;
declare const __CLI_VERSION__: string;

const require = createRequire(import.meta.url);
const { Script, constants } = require("node:vm") as typeof import("node:vm");
const fs = require("node:fs") as typeof import("node:fs");
const { fileURLToPath } = require("node:url") as typeof import("node:url");

const bundleFile = fileURLToPath(import.meta.url);
const debug = debugNotes(process.env, "code cache");

let appSource: string;
try {
  appSource = readPart("app");
} catch (error) {
  if (!(error instanceof BundlePartError)) throw error;
  process.stderr.write(`error: ${error.message}\n`);
  debug?.(`part "app": ${error.reason}`);
  process.exit(1);
}

const dir = compileCacheDir(process.env);
const name = compileCacheFile(
  compileCacheKeyHash(processCompileCacheKey(__APP_HASH__, __CLI_VERSION__)),
  compileCacheCommand(process.argv.slice(2)),
);
const cache: CacheRead =
  dir === undefined ? { state: "untrusted" } : readCompileCache(fs, dir, name, debug);

const script = new Script(appSource, {
  filename: "batch.mjs",
  ...(cache.state === "found" ? { cachedData: cache.data } : {}),
  // `import()` inside the CLI (the optional @azure/identity) resolves as from this file.
  importModuleDynamically:
    constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ??
    ((specifier: string) => import(specifier) as never),
});

if (dir !== undefined && cache.state !== "untrusted") {
  if (cache.state === "missing" || script.cachedDataRejected) {
    if (cache.state === "found") debug?.(`V8 rejected ${name}; it will be written anew`);
    process.once("exit", (code) => {
      // A mistyped command (exit 2) gets no cache: typos must not push real ones out.
      if (code === 2) debug?.(`not written for a run that exited 2: ${name}`);
      else writeCompileCache(fs, dir, name, () => script.createCachedData(), { debug });
    });
  } else {
    process.once("exit", () =>
      refreshCompileCache(fs, `${dir}/${name}`, cache.modified, { debug }),
    );
  }
}

const module = { exports: {} };
script.runInThisContext()(require, module, module.exports, import.meta.url, readPart);

/** The source of a part of the bundle: the CLI, or a package it loads on demand. */
function readPart(part: string): string {
  return readBundlePart(fs, bundleFile, part, __PARTS__[part], __COMMENT_END_ESCAPE__);
}
