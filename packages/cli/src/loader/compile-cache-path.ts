// Where the V8 code cache of the bundled CLI lives: `$BATCH_CACHE_DIR`, else
// `$XDG_CACHE_HOME/batch`, else `~/.cache/batch`; one file per build of the CLI and per Node
// version and architecture (V8 refuses a cache from another version anyway). Setting
// BATCH_COMPILE_CACHE=0 turns the cache off.
import { homedir } from "node:os";
import { join } from "node:path";

export function compileCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.BATCH_COMPILE_CACHE === "0" || env.BATCH_COMPILE_CACHE === "off") return undefined;
  if (env.BATCH_CACHE_DIR) return env.BATCH_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "batch");
}

export function compileCacheFile(appHash: string): string {
  return `app-${appHash}-${process.version}-${process.arch}.v8`;
}
