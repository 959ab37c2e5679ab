// Entity tags and Last-Modified values. ETags look like the service's (`0x8D…` hex) and come
// from one counter per service, so every change gets a new, never repeated tag.

const ETAG_PREFIX = "0x8DC";

export class EtagCounter {
  private last = 0;

  next(): number {
    this.last += 1;
    return this.last;
  }

  /** Notes a version already handed out (found in a store), so none is handed out twice. */
  observe(version: number): void {
    if (version > this.last) this.last = version;
  }
}

export function formatEtag(version: number): string {
  return ETAG_PREFIX + version.toString(16).toUpperCase().padStart(12, "0");
}

/** Compares a client-sent entity tag with ours, ignoring quotes and a weak `W/` prefix. */
export function etagMatches(sent: string, current: string): boolean {
  return sent
    .split(",")
    .map((part) =>
      part
        .trim()
        .replace(/^W\//, "")
        .replace(/^"(.*)"$/, "$1"),
    )
    .some((tag) => tag === "*" || tag === current);
}

/** RFC 1123 form used by Last-Modified (1-second resolution). */
export function formatHttpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

export function formatIsoTime(ms: number): string {
  return new Date(ms).toISOString();
}
