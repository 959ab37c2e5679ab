// Entry point of dist/batch.mjs. The CLI itself (main.ts and everything it bundles) and the
// packages it loads on demand (yargs, YAML, tables...) follow this loader in comments at the
// end of the file (bundle-parts.ts). The loader reads each part back when it is needed and
// compiles it with node:vm, so that V8's code cache can be kept between runs: a short-lived
// process otherwise spends a good part of its time compiling the same functions again. The
// first run of a command writes the CLI's cache after the command has run, so it holds every
// function that command compiled; each deferred package gets a cache of its own the same way
// (cached-script.ts, compile-cache-path.ts, compile-cache-key.ts). Node 22 offers the same as
// module.enableCompileCache(); Node 20 does not. The cache is only an accelerator: any problem
// with it (missing, stale, unwritable, corrupt, a folder another user could write) means a
// normal compile, explained on stderr under BATCH_DEBUG (debug-notes.ts).
import { createRequire } from "node:module";
import { debugNotes } from "../debug-notes.js";
import { BundlePartError, type PartPlace, readBundlePart } from "./bundle-parts.js";
import { type CachedScriptHost, compileCachedScript } from "./cached-script.js";
import { compileCacheKeyHash, processCompileCacheKey } from "./compile-cache-key.js";
import {
  compileCacheCommand,
  compileCacheDir,
  compileCacheFile,
  compileCacheFilePrefix,
  partCacheFile,
} from "./compile-cache-path.js";
import { newestCompileCache } from "./compile-cache-store.js";

declare const __PARTS__: Record<string, PartPlace>;
declare const __COMMENT_END_ESCAPE__: string;
declare const __BUILD_HASH__: string;
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

const host: CachedScriptHost = {
  fs,
  Script,
  dir: compileCacheDir(process.env),
  debug,
  onExit: (action) => process.once("exit", action),
  // `import()` inside the CLI (the optional @azure/identity) resolves as from this file.
  importModuleDynamically:
    constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ??
    ((specifier: string) => import(specifier) as never),
};
const keyHash = compileCacheKeyHash(processCompileCacheKey(__BUILD_HASH__, __CLI_VERSION__));

const appCache = compileCacheFile(keyHash, compileCacheCommand(process.argv.slice(2)));
const app = compileCachedScript(host, {
  source: appSource,
  filename: "batch.mjs",
  cacheName: appCache,
  // A mistyped command (exit 2) gets no cache: typos must not push real ones out.
  writeOnExit: (code) => code !== 2,
  // A command's first run starts from the cache of the command run last: most of the CLI's
  // code (the client, the output, the loader's own) is the same for every command.
  fallbackCacheName: (dir) =>
    newestCompileCache(fs, dir, compileCacheFilePrefix(keyHash), appCache),
});
const module = { exports: {} };
app.runInThisContext()(require, module, module.exports, import.meta.url, deferredModule);

/** The source of a part of the bundle: the CLI, or a package it loads on demand. */
function readPart(part: string): string {
  return readBundlePart(fs, bundleFile, part, __PARTS__[part], __COMMENT_END_ESCAPE__);
}

/**
 * A package the CLI loads on demand, compiled from its cache: a function that runs it as a
 * CommonJS module (`module`, `exports`, `require`, the bundle's URL).
 */
function deferredModule(part: string): unknown {
  return compileCachedScript(host, {
    source: readPart(part),
    filename: `batch.mjs#${part}`,
    cacheName: partCacheFile(keyHash, part),
  }).runInThisContext();
}
