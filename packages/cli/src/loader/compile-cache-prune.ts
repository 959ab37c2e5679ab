// Keeps the code cache folder bounded: at most `capacity` cache files, the least recently used
// going first (a run that uses a cache file refreshes its modification time, see
// compile-cache-store.ts), so the caches of every build still in use (two installed versions,
// two Node versions) stay while those of builds no longer run age out. Only files named as this
// loader names them are ever removed; anything else in the folder is left alone. Other runs may
// prune or write at the same moment: a file that is gone by the time it is looked at or removed
// is simply skipped.

import type { DebugNote } from "../debug-notes.js";
import { compileCacheFilePattern, compileCacheTemporaryFilePattern } from "./compile-cache-path.js";

/**
 * Cache files kept in one folder (each is a few hundred KiB): room for every command of two
 * builds or two Node versions, with the packages they load on demand.
 */
export const compileCacheCapacity = 64;

/** A temporary file this old was left by a run that died while writing it. */
export const abandonedTemporaryFileMs = 10 * 60 * 1000;

export type PruneFs = Pick<typeof import("node:fs"), "readdirSync" | "statSync" | "rmSync">;

/** A cache file and when it was last marked used. */
export interface UsedCache {
  readonly name: string;
  readonly used: number;
}

/**
 * The cache files among `names` in `dir` (named as this loader names them, and still files),
 * most recently used first.
 */
export function compileCachesByUse(
  fs: Pick<PruneFs, "readdirSync" | "statSync">,
  dir: string,
  names: readonly string[] = fs.readdirSync(dir),
): UsedCache[] {
  const caches: UsedCache[] = [];
  for (const name of names) {
    if (!compileCacheFilePattern.test(name)) continue;
    const stats = fs.statSync(`${dir}/${name}`, { throwIfNoEntry: false });
    if (stats?.isFile()) caches.push({ name, used: stats.mtimeMs });
  }
  return caches.sort((a, b) => b.used - a.used || (a.name < b.name ? -1 : 1));
}

/**
 * Removes the least recently used cache files in `dir` beyond `capacity - 1`, never `keep`
 * (the file about to be written), and abandoned temporary files. Returns the names removed.
 */
export function pruneCompileCache(
  fs: PruneFs,
  dir: string,
  keep: string,
  options: { capacity?: number; now?: number; debug?: DebugNote | undefined } = {},
): string[] {
  const { capacity = compileCacheCapacity, now = Date.now(), debug } = options;
  const removed: string[] = [];
  const remove = (name: string) => {
    try {
      fs.rmSync(`${dir}/${name}`, { force: true });
      removed.push(name);
    } catch (error) {
      debug?.(`could not remove ${name}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
  };
  const names = fs.readdirSync(dir);
  for (const name of names) {
    if (!compileCacheTemporaryFilePattern.test(name)) continue;
    const stats = fs.statSync(`${dir}/${name}`, { throwIfNoEntry: false });
    if (stats?.isFile() && now - stats.mtimeMs > abandonedTemporaryFileMs) remove(name);
  }
  const caches = compileCachesByUse(fs, dir, names).filter(({ name }) => name !== keep);
  for (const { name } of caches.slice(Math.max(0, capacity - 1))) remove(name);
  if (removed.length > 0) debug?.(`removed ${removed.join(", ")}`);
  return removed;
}
