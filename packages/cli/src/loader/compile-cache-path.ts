// Where the V8 code cache of the bundled CLI lives: `$BATCH_CACHE_DIR`, else
// `$XDG_CACHE_HOME/batch`, else `~/.cache/batch`; one file per build of the CLI, Node version
// and architecture (V8 refuses a cache from another version anyway), and command. A cache holds
// the functions its first run compiled, so one written by `batch --version` would leave most
// of `batch task get` to compile on every run; each command gets the cache of its own runs.
// Setting BATCH_COMPILE_CACHE=0 turns the cache off.
import { homedir } from "node:os";
import { join } from "node:path";

/** Files of one build beyond this many are not written: typos must not fill the folder. */
export const maxCacheFiles = 40;

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

export function compileCacheFile(appHash: string, command: string): string {
  return `app-${appHash}-${process.version}-${process.arch}-${command}.v8`;
}
