// Headers, Request and Response for the bundled CLI, injected by esbuild in place of the
// globals of the same names (see scripts/bundle.mjs). Node's own classes come from undici,
// which costs ~25 ms to load in every short-lived process even when no fetch() is made; the
// CLI's requests go through the client's node:http transport, so only these value classes are
// needed. They cover what the client, openapi-fetch and the transport use: case-insensitive
// headers with combined values, a request whose body is read once as bytes, and a response
// over a complete body. Streams and form data are not supported; nothing in the CLI sends them.

type HeadersInitLike =
  | LightHeaders
  | Headers
  | Record<string, string>
  | Iterable<readonly [string, string]>;
type BodyLike = string | Uint8Array | ArrayBuffer | null | undefined;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBytes(body: BodyLike | unknown): Uint8Array | null {
  if (body === null || body === undefined) return null;
  if (typeof body === "string") return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError("this CLI's Request and Response take string or byte bodies only");
}

function copyBuffer(bytes: Uint8Array | null): ArrayBuffer {
  if (bytes === null) return new ArrayBuffer(0);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

const validName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function checkHeader(name: string, value: string): void {
  if (!validName.test(name)) throw new TypeError(`invalid header name: ${JSON.stringify(name)}`);
  if (/[\r\n\0]/.test(value)) throw new TypeError(`invalid value for header ${name}`);
}

export class LightHeaders {
  readonly #values = new Map<string, string>();

  constructor(init?: HeadersInitLike | null) {
    if (init === undefined || init === null) return;
    if (
      init instanceof LightHeaders ||
      (typeof (init as Headers).forEach === "function" && !Array.isArray(init))
    ) {
      (init as LightHeaders).forEach((value, name) => {
        this.append(name, value);
      });
    } else if (Symbol.iterator in (init as object)) {
      for (const [name, value] of init as Iterable<readonly [string, string]>)
        this.append(name, value);
    } else {
      for (const [name, value] of Object.entries(init as Record<string, string>))
        this.append(name, value);
    }
  }

  append(name: string, value: string): void {
    const text = String(value).trim();
    checkHeader(name, text);
    const key = name.toLowerCase();
    const existing = this.#values.get(key);
    this.#values.set(key, existing === undefined ? text : `${existing}, ${text}`);
  }

  set(name: string, value: string): void {
    const text = String(value).trim();
    checkHeader(name, text);
    this.#values.set(name.toLowerCase(), text);
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  delete(name: string): void {
    this.#values.delete(name.toLowerCase());
  }

  getSetCookie(): string[] {
    const value = this.get("set-cookie");
    return value === null ? [] : [value];
  }

  forEach(callback: (value: string, name: string, headers: LightHeaders) => void): void {
    for (const [name, value] of this.entries()) callback(value, name, this);
  }

  *entries(): IterableIterator<[string, string]> {
    // The Fetch standard iterates headers sorted by name.
    const names = [...this.#values.keys()].sort();
    for (const name of names) yield [name, this.#values.get(name) as string];
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** The read-once body of a request or response. */
class Body {
  readonly #bytes: Uint8Array | null;
  #used = false;

  constructor(bytes: Uint8Array | null) {
    this.#bytes = bytes;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  protected get bodyBytes(): Uint8Array | null {
    return this.#bytes;
  }

  #take(): Uint8Array | null {
    if (this.#used) throw new TypeError("body already used");
    this.#used = true;
    return this.#bytes;
  }

  /** A stream over the body, made on demand (only a token refresh cancels one). */
  get body(): ReadableStream<Uint8Array> | null {
    const bytes = this.#bytes;
    if (bytes === null) return null;
    return new ReadableStream<Uint8Array>({
      start(controller) {
        if (bytes.byteLength > 0) controller.enqueue(bytes);
        controller.close();
      },
    });
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return copyBuffer(this.#take());
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(copyBuffer(this.#take()));
  }

  async text(): Promise<string> {
    const bytes = this.#take();
    return bytes === null ? "" : decoder.decode(bytes);
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}

interface RequestInitLike {
  method?: string;
  headers?: HeadersInitLike;
  body?: BodyLike;
  signal?: AbortSignal | null;
}

const normalizedMethods = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);

export class LightRequest extends Body {
  readonly url: string;
  readonly method: string;
  readonly headers: LightHeaders;
  readonly signal: AbortSignal;

  constructor(input: string | URL | LightRequest, init: RequestInitLike = {}) {
    const source = input instanceof LightRequest ? input : undefined;
    const bytes = init.body !== undefined ? toBytes(init.body) : (source?.bodyBytes ?? null);
    super(bytes);
    this.url = new URL(source ? source.url : String(input)).href;
    const method = init.method ?? source?.method ?? "GET";
    this.method = normalizedMethods.has(method.toUpperCase()) ? method.toUpperCase() : method;
    if (bytes !== null && (this.method === "GET" || this.method === "HEAD")) {
      throw new TypeError("a GET or HEAD request cannot have a body");
    }
    this.headers = new LightHeaders(init.headers ?? source?.headers);
    if (typeof init.body === "string" && !this.headers.has("content-type")) {
      this.headers.set("content-type", "text/plain;charset=UTF-8");
    }
    this.signal = init.signal ?? source?.signal ?? new AbortController().signal;
  }

  clone(): LightRequest {
    return new LightRequest(this);
  }
}

interface ResponseInitLike {
  status?: number;
  statusText?: string;
  headers?: HeadersInitLike;
}

export class LightResponse extends Body {
  readonly status: number;
  readonly statusText: string;
  readonly headers: LightHeaders;
  readonly type = "default";
  readonly url = "";
  readonly redirected = false;

  constructor(body: BodyLike = null, init: ResponseInitLike = {}) {
    const bytes = toBytes(body);
    super(bytes);
    this.status = init.status ?? 200;
    if (this.status < 200 || this.status > 599)
      throw new RangeError(`invalid response status ${this.status}`);
    this.statusText = init.statusText ?? "";
    this.headers = new LightHeaders(init.headers);
    if (typeof body === "string" && !this.headers.has("content-type")) {
      this.headers.set("content-type", "text/plain;charset=UTF-8");
    }
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  clone(): LightResponse {
    return new LightResponse(this.bodyBytes, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
  }
}

// The names esbuild's `inject` substitutes for the globals in bundled code.
export { LightHeaders as Headers, LightRequest as Request, LightResponse as Response };
