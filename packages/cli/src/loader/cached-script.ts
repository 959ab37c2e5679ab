// Compiles one part of the bundle (the CLI, or a package it loads on demand) with node:vm, from
// V8's code cache for it when there is a usable one. A part compiled without one (none yet, or
// one V8 refused) gets its cache written as the process exits, after the part has run, so the
// cache holds every function the run compiled; a part compiled from its cache has the file
// re-marked as used instead (for pruning). A part without a cache of its own may start from
// another cache of the same code (the CLI's cache for another command): V8 takes what it holds
// and compiles the rest, and the run still writes a cache of its own. Whatever goes wrong with
// a cache only means a normal compile (compile-cache-store.ts).
import type { ScriptOptions, Script as VmScript } from "node:vm";
import type { DebugNote } from "../debug-notes.js";
import {
  type CacheFs,
  type CacheRead,
  readCompileCache,
  refreshCompileCache,
  writeCompileCache,
} from "./compile-cache-store.js";

export interface CachedScriptHost {
  readonly fs: CacheFs;
  readonly Script: typeof VmScript;
  /** The cache folder; undefined when the cache is off. */
  readonly dir: string | undefined;
  readonly debug: DebugNote | undefined;
  /** Runs `action` as the process exits, with its exit status. */
  onExit(action: (code: number) => void): void;
  readonly importModuleDynamically: ScriptOptions["importModuleDynamically"];
}

export interface CachedScriptOptions {
  /** The part's source: one function expression. */
  readonly source: string;
  readonly filename: string;
  /** The cache file's name in the folder (compile-cache-path.ts). */
  readonly cacheName: string;
  /** Whether a run that exits with `code` may write a new cache file. */
  readonly writeOnExit?: (code: number) => boolean;
  /** Another cache file of the same source in `dir`, to start from when this one is missing. */
  readonly fallbackCacheName?: (dir: string) => string | undefined;
}

/** The part compiled into a Script, with its cache read, and written or refreshed at exit. */
export function compileCachedScript(host: CachedScriptHost, options: CachedScriptOptions) {
  const { fs, dir, debug } = host;
  const { cacheName: name } = options;
  const cache: CacheRead =
    dir === undefined ? { state: "untrusted" } : readCompileCache(fs, dir, name, debug);
  let start = cache;
  const fallback =
    dir !== undefined && cache.state === "missing" ? options.fallbackCacheName?.(dir) : undefined;
  if (dir !== undefined && fallback !== undefined) {
    const other = readCompileCache(fs, dir, fallback, debug);
    if (other.state === "found") start = other;
  }
  const script = new host.Script(options.source, {
    filename: options.filename,
    ...(start.state === "found" ? { cachedData: start.data } : {}),
    importModuleDynamically: host.importModuleDynamically,
  });
  if (dir !== undefined && cache.state !== "untrusted") {
    if (cache.state === "missing" || script.cachedDataRejected) {
      if (cache.state === "found") debug?.(`V8 rejected ${name}; it will be written anew`);
      else if (start !== cache) {
        debug?.(
          script.cachedDataRejected
            ? `V8 rejected ${fallback}, tried for want of ${name}`
            : `started from ${fallback}, for want of ${name}`,
        );
      }
      host.onExit((code) => {
        if (options.writeOnExit?.(code) === false) debug?.(`not written for this run: ${name}`);
        else writeCompileCache(fs, dir, name, () => script.createCachedData(), { debug });
      });
    } else {
      host.onExit(() => refreshCompileCache(fs, `${dir}/${name}`, cache.modified, { debug }));
    }
  }
  return script;
}
