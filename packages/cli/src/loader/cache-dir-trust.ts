// Whether a code cache folder or file may be used. A V8 code cache is compiled code: V8 checks
// that it was made for the same source and flags, not that nobody tampered with it, so a cache
// another user could write would let them run code as whoever runs `batch`. The folder (and
// each file read from it) must belong to this user and be writable by nobody else; otherwise
// the cache is not used at all. Where Node reports no user ids (Windows) the check is skipped.

/** The parts of fs.Stats the check reads. */
export interface OwnerAndMode {
  readonly uid: number;
  readonly mode: number;
  isDirectory(): boolean;
  isFile(): boolean;
}

/** Why `stats` (of a folder when `kind` is "folder") must not be used, or undefined if it may. */
export function untrustedReason(
  stats: OwnerAndMode,
  kind: "folder" | "file",
  /** null where the platform has no user ids. */
  uid: number | null = process.getuid?.() ?? null,
): string | undefined {
  if (kind === "folder" ? !stats.isDirectory() : !stats.isFile()) return `not a ${kind}`;
  if (uid === null) return undefined;
  if (stats.uid !== uid) return `owned by uid ${stats.uid}, not ${uid}`;
  if ((stats.mode & 0o022) !== 0) {
    return `writable by ${stats.mode & 0o020 ? "its group" : "others"} (mode ${(stats.mode & 0o777).toString(8)})`;
  }
  return undefined;
}
