// The headers of a request on its way through the pipeline. Steps need only get/set/has/delete
// and a sorted forEach, which a `Headers` has; the typed operations use `RequestHeaders`, a small
// map of lower-cased names that costs a fraction of a `Headers` to make, fill and read, and is
// handed to the transport as a plain record.
import { clientError } from "./errors.js";

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
  // A null-prototype record rather than a Map: it copies into the transport's record cheaply.
  readonly #values: Record<string, string> = Object.create(null);

  get(name: string): string | null {
    return this.#values[name.toLowerCase()] ?? null;
  }

  set(name: string, value: string): void {
    const text = String(value);
    if (invalidValue.test(text)) {
      throw clientError(
        "InvalidHeaderValue",
        `Invalid value for header ${JSON.stringify(name)}: line breaks are not allowed`,
      );
    }
    this.#values[name.toLowerCase()] = text;
  }

  has(name: string): boolean {
    return name.toLowerCase() in this.#values;
  }

  delete(name: string): void {
    delete this.#values[name.toLowerCase()];
  }

  forEach(callback: (value: string, name: string) => void): void {
    const values = this.#values;
    for (const name of Object.keys(values).sort()) callback(values[name]!, name);
  }

  /** A plain record (a copy), as fetch-compatible transports take it. */
  toRecord(): Record<string, string> {
    const record: Record<string, string> = {};
    const values = this.#values;
    for (const name in values) record[name] = values[name]!;
    return record;
  }
}

/** The headers of a pipeline request as a fetch `headers` value. */
export function headersInit(headers: HeaderBag): HeadersInit {
  if (headers instanceof RequestHeaders) return headers.toRecord();
  // A Headers goes as it is; anything else (a HeaderBag of the caller's) is copied. Checked on
  // the value, not with `instanceof Headers`, which on Node would load fetch's implementation.
  if (Object.prototype.toString.call(headers) === "[object Headers]") return headers as Headers;
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}
