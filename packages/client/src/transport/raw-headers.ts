// The headers of an answer the node:http transport received, as a read-only `Headers`: built
// over node's rawHeaders array (name, value, name, value...) and indexed only when first read.
// A real `Headers` validates and copies every header of every answer, which costs more than all
// the reads the client then makes; answers' headers are immutable in fetch anyway, so the
// mutating methods throw as a fetch Response's do.

export class RawHeaders implements Headers {
  readonly #raw: readonly string[];
  #index: Map<string, string> | undefined;

  constructor(raw: readonly string[]) {
    this.#raw = raw;
  }

  #map(): Map<string, string> {
    if (this.#index) return this.#index;
    const map = new Map<string, string>();
    const raw = this.#raw;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i]!.toLowerCase();
      const value = raw[i + 1]!;
      const before = map.get(name);
      map.set(name, before === undefined ? value : `${before}, ${value}`);
    }
    this.#index = map;
    return map;
  }

  get(name: string): string | null {
    return this.#map().get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#map().has(name.toLowerCase());
  }

  getSetCookie(): string[] {
    const cookies: string[] = [];
    const raw = this.#raw;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      if (raw[i]!.toLowerCase() === "set-cookie") cookies.push(raw[i + 1]!);
    }
    return cookies;
  }

  forEach(
    callback: (value: string, key: string, parent: Headers) => void,
    thisArg?: unknown,
  ): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }

  *entries(): HeadersIterator<[string, string]> {
    const map = this.#map();
    for (const name of [...map.keys()].sort()) yield [name, map.get(name)!];
  }

  *keys(): HeadersIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): HeadersIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): HeadersIterator<[string, string]> {
    return this.entries();
  }

  append(): void {
    throw new TypeError("immutable: the headers of a received response cannot be changed");
  }

  set(): void {
    throw new TypeError("immutable: the headers of a received response cannot be changed");
  }

  delete(): void {
    throw new TypeError("immutable: the headers of a received response cannot be changed");
  }

  get [Symbol.toStringTag](): string {
    return "Headers";
  }
}
