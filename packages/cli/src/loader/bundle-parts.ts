// Reads back a part of dist/batch.mjs: the CLI ("app") or a package it loads on demand, each
// stored in a comment after the loader (scripts/bundle-parts.mjs writes them). Each comment
// starts and ends with a marker naming its part (and, at the start, its length): the build
// records where each comment starts, counted from the end of the file, and the loader reads
// only that range, then checks both markers. A file altered after the build (cut, appended to,
// a part replaced) therefore fails loudly, naming the part, instead of handing back the wrong
// text. The text is decoded as latin1, the cheapest decoding; the build keeps parts ASCII.

/** Where the build put a part: its comment's start, from the end of the file; its text's length. */
export interface PartPlace {
  readonly fromEnd: number;
  readonly length: number;
}

export function partStartMarker(name: string, length: number): string {
  return `/*@batch-part ${name} ${length}\n`;
}

export function partEndMarker(name: string): string {
  return `\n@batch-part-end ${name}*/\n`;
}

export class BundlePartError extends Error {
  constructor(
    readonly part: string,
    readonly reason: string,
  ) {
    super(
      `batch.mjs is damaged (${part === "app" ? "a part after its loader is cut" : `its part "${part}" is cut or altered`}); reinstall it`,
    );
    this.name = "BundlePartError";
  }
}

export type PartFs = Pick<
  typeof import("node:fs"),
  "openSync" | "fstatSync" | "readSync" | "closeSync"
>;

/**
 * The text of part `name` of the bundle at `file`, "*\/" put back where the build escaped it
 * as `commentEndEscape`. Throws BundlePartError when the part is not where the build put it.
 */
export function readBundlePart(
  fs: PartFs,
  file: string,
  name: string,
  place: PartPlace | undefined,
  commentEndEscape: string,
): string {
  if (place === undefined) throw new BundlePartError(name, "the loader knows no such part");
  const start = partStartMarker(name, place.length);
  const end = partEndMarker(name);
  const fd = fs.openSync(file, "r");
  let text: string;
  try {
    const at = fs.fstatSync(fd).size - place.fromEnd;
    const bytes = Buffer.allocUnsafe(start.length + place.length + end.length);
    const read = at < 0 ? 0 : fs.readSync(fd, bytes, 0, bytes.length, at);
    text = bytes.toString("latin1", 0, read);
  } finally {
    fs.closeSync(fd);
  }
  if (!text.startsWith(start)) {
    throw new BundlePartError(name, "its start marker is not where the build put it");
  }
  if (text.length !== start.length + place.length + end.length || !text.endsWith(end)) {
    throw new BundlePartError(name, "its end marker is not where the build put it");
  }
  return text.slice(start.length, start.length + place.length).replaceAll(commentEndEscape, "*/");
}
