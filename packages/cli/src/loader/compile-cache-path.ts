// Where the V8 code caches of the bundled CLI live and what their files are called:
// `$BATCH_CACHE_DIR`, else `$XDG_CACHE_HOME/batch`, else `~/.cache/batch`; one file per cache
// key (compile-cache-key.ts: build, Node and V8, flags), named by the key's hash, and by what
// it caches. The CLI ("app") has one cache per command: a cache holds the functions its first
// run compiled, so one written by `batch --version` would leave most of `batch task get` to
// compile on every run. Each package the CLI loads on demand ("lib": yargs, YAML, tables...)
// has one cache of its own, whichever command loads it. Names hold only what the functions
// below let through (lower-case words), so no file name holds a path separator, a dot or
// anything else of the user's. Setting BATCH_COMPILE_CACHE=0 turns the caches off.
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The cache folder, or undefined for no cache: turned off, or no folder can be named (no
 * HOME and a user without a passwd entry makes homedir() throw; the cache is only an
 * accelerator, so that means no cache, never an error).
 */
export function compileCacheDir(
  env: NodeJS.ProcessEnv,
  home: () => string = homedir,
): string | undefined {
  if (env.BATCH_COMPILE_CACHE === "0" || env.BATCH_COMPILE_CACHE === "off") return undefined;
  if (env.BATCH_CACHE_DIR) return env.BATCH_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "batch");
  try {
    const base = home();
    return base === "" ? undefined : join(base, ".cache", "batch");
  } catch {
    return undefined;
  }
}

/**
 * The command a run's cache is for: its leading words that look like command names (at most
 * two: `task get`), joined by "-"; "none" when it starts with an option (`--version`, `--help`).
 */
export function compileCacheCommand(args: readonly string[]): string {
  const words: string[] = [];
  for (const arg of args.slice(0, 2)) {
    if (!/^[a-z][a-z-]{0,29}$/.test(arg)) break;
    words.push(arg);
  }
  return words.length === 0 ? "none" : words.join("-");
}

/** The file of the cache for `command` under the key that hashes to `keyHash` (16 hex digits). */
export function compileCacheFile(keyHash: string, command: string): string {
  return `${compileCacheFilePrefix(keyHash)}${command}.v8`;
}

/** What the names of the CLI's caches for every command under one key start with. */
export function compileCacheFilePrefix(keyHash: string): string {
  return `app-${keyHash}-${process.version}-${process.arch}-`;
}

/** The file of the cache of the deferred package `part` ("@batch/testing", "cli-table3"). */
export function partCacheFile(keyHash: string, part: string): string {
  const word = part
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `lib-${keyHash}-${process.version}-${process.arch}-${word.slice(0, 60) || "part"}.v8`;
}

/**
 * Names of the cache files this loader writes (earlier builds wrote the same forms), and only
 * those: pruning touches nothing else in the folder.
 */
export const compileCacheFilePattern =
  /^(?:app-[0-9a-f]{16}-v\d+\.\d+\.\d+-[a-z0-9]+-[a-z][a-z-]{0,60}|lib-[0-9a-f]{16}-v\d+\.\d+\.\d+-[a-z0-9]+-[a-z0-9][a-z0-9-]{0,59})\.v8$/;

/** The file a cache is written to before it is renamed into place. */
export function compileCacheTemporaryFile(file: string, pid: number, nonce: string): string {
  return `${file}.${pid}-${nonce}.tmp`;
}

/** Names of those temporary files; one left by a process that died is removed once old. */
export const compileCacheTemporaryFilePattern =
  /^app-[0-9a-f]{16}-v\d+\.\d+\.\d+-[a-z0-9]+-[a-z][a-z-]{0,60}\.v8\.\d+-[0-9a-z]+\.tmp$/;
