// Reading, writing and refreshing one code cache file. Nothing here throws: the cache is only
// an accelerator, so a folder that cannot be made, a full disk or a damaged file means running
// without it (and a line on stderr under BATCH_DEBUG). A folder or file another user could
// have written is never read (cache-dir-trust.ts). Files are written aside and renamed into
// place, so a run never reads half of a file another run is writing.

import type { DebugNote } from "../debug-notes.js";
import { untrustedReason } from "./cache-dir-trust.js";
import { compileCacheTemporaryFile } from "./compile-cache-path.js";
import { compileCachesByUse, pruneCompileCache } from "./compile-cache-prune.js";

export type CacheFs = Pick<
  typeof import("node:fs"),
  | "closeSync"
  | "fstatSync"
  | "mkdirSync"
  | "openSync"
  | "readFileSync"
  | "readdirSync"
  | "renameSync"
  | "rmSync"
  | "statSync"
  | "utimesSync"
  | "writeFileSync"
>;

/** A used cache's modification time is refreshed (for pruning) at most this often. */
export const refreshAfterMs = 60 * 60 * 1000;

export type CacheRead =
  /** The folder may not be used: neither read nor written. */
  | { readonly state: "untrusted" }
  /** No usable cache: compile, then write one. */
  | { readonly state: "missing" }
  | { readonly state: "found"; readonly data: Buffer; readonly modified: number };

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}

export function readCompileCache(
  fs: CacheFs,
  dir: string,
  name: string,
  debug?: DebugNote,
): CacheRead {
  const file = `${dir}/${name}`;
  try {
    const folder = fs.statSync(dir, { throwIfNoEntry: false });
    if (folder === undefined) {
      debug?.(`${dir} does not exist yet`);
      return { state: "missing" };
    }
    const reason = untrustedReason(folder, "folder");
    if (reason !== undefined) {
      debug?.(`not using ${dir}: ${reason}`);
      return { state: "untrusted" };
    }
  } catch (error) {
    debug?.(`not using ${dir}: ${codeOf(error)}`);
    return { state: "untrusted" };
  }
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    const stats = fs.fstatSync(fd);
    const reason = untrustedReason(stats, "file");
    if (reason !== undefined) {
      debug?.(`not reading ${file}: ${reason}; it will be replaced`);
      return { state: "missing" };
    }
    return { state: "found", data: fs.readFileSync(fd), modified: stats.mtimeMs };
  } catch (error) {
    debug?.(`no cache read from ${file}: ${codeOf(error)}`);
    return { state: "missing" };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes `data()` to the file `name` in `dir` (made 0700 if missing), after pruning the folder. Returns
 * whether the file was written.
 */
export function writeCompileCache(
  fs: CacheFs,
  dir: string,
  name: string,
  data: () => Buffer,
  options: { debug?: DebugNote | undefined; now?: number; nonce?: string } = {},
): boolean {
  const { debug } = options;
  const file = `${dir}/${name}`;
  let temporary: string | undefined;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Checked again after mkdir: the folder may have existed already, or been made meanwhile.
    const reason = untrustedReason(fs.statSync(dir), "folder");
    if (reason !== undefined) {
      debug?.(`not writing to ${dir}: ${reason}`);
      return false;
    }
    pruneCompileCache(fs, dir, name, { now: options.now, debug });
    temporary = compileCacheTemporaryFile(
      file,
      process.pid,
      options.nonce ?? (Math.random().toString(36).slice(2, 10) || "0"),
    );
    // "wx": never through a file or link already there.
    fs.writeFileSync(temporary, data(), { mode: 0o600, flag: "wx" });
    fs.renameSync(temporary, file);
    debug?.(`wrote ${file}`);
    return true;
  } catch (error) {
    debug?.(`not written to ${dir}: ${codeOf(error)}`);
    if (temporary !== undefined) {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Left for a later prune to remove once old.
      }
    }
    return false;
  }
}

/** Marks a cache read at `modified` as just used, when that was over an hour ago. */
export function refreshCompileCache(
  fs: CacheFs,
  file: string,
  modified: number,
  options: { debug?: DebugNote | undefined; now?: number } = {},
): void {
  const now = options.now ?? Date.now();
  if (now - modified < refreshAfterMs) return;
  try {
    fs.utimesSync(file, now / 1000, now / 1000);
  } catch (error) {
    options.debug?.(`could not mark ${file} used: ${codeOf(error)}`);
  }
}

/**
 * The most recently used cache file in `dir` whose name starts with `prefix`, other than
 * `except`: a command without a cache of its own starts from another command's cache of the
 * same build (cached-script.ts). Undefined when there is none or the folder cannot be read.
 */
export function newestCompileCache(
  fs: Pick<CacheFs, "readdirSync" | "statSync">,
  dir: string,
  prefix: string,
  except: string,
): string | undefined {
  try {
    return compileCachesByUse(fs, dir).find(
      ({ name }) => name !== except && name.startsWith(prefix),
    )?.name;
  } catch {
    return undefined;
  }
}
