// The headers of a request on its way through the pipeline. Steps need only get/set/has/delete
// and a sorted forEach, which a `Headers` has; the typed operations use `RequestHeaders`, a small
// map of lower-cased names that costs a fraction of a `Headers` to make, fill and read, and is
// handed to the transport as a plain record.

/** What pipeline steps use of a request's headers (a `Headers` is one). */
export interface HeaderBag {
  get(name: string): string | null;
  set(name: string, value: string): void;
  has(name: string): boolean;
  delete(name: string): void;
  /** Visits every header, names lower-cased and in sorted order (as `Headers` does). */
  forEach(callback: (value: string, name: string) => void): void;
}

// Header values may not carry line breaks or NUL: they would end the header (injection).
const invalidValue = /[\r\n\0]/;

export class RequestHeaders implements HeaderBag {
  readonly #values = new Map<string, string>();

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  set(name: string, value: string): void {
    const text = String(value);
    if (invalidValue.test(text)) {
      throw new TypeError(
        `Invalid value for header ${JSON.stringify(name)}: line breaks are not allowed`,
      );
    }
    this.#values.set(name.toLowerCase(), text);
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  delete(name: string): void {
    this.#values.delete(name.toLowerCase());
  }

  forEach(callback: (value: string, name: string) => void): void {
    const names = [...this.#values.keys()].sort();
    for (const name of names) callback(this.#values.get(name)!, name);
  }

  /** A plain record, as fetch-compatible transports take it. */
  toRecord(): Record<string, string> {
    return Object.fromEntries(this.#values);
  }
}

/** The headers of a pipeline request as a fetch `headers` value. */
export function headersInit(headers: HeaderBag): HeadersInit {
  if (headers instanceof RequestHeaders) return headers.toRecord();
  if (headers instanceof Headers) return headers;
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}
