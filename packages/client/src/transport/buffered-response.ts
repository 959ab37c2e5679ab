// The answer of the node:http transport: everything a fetch `Response` offers, over bytes already
// in memory. It implements the `Response` interface rather than extending the class: Node 20's
// Response builds a web stream, a validated Headers and a state object for every answer, which
// on a loopback get costs as much CPU as the rest of the client. A stream is made only if
// someone reads `body`. `instanceof Response` is false; `new Response(r.body, r)` makes one.

import { RawHeaders } from "./raw-headers.js";

const textDecoder = new TextDecoder();

export interface BufferedResponseInit {
  status?: number;
  statusText?: string;
  /** A Headers, a record, pairs, or node's rawHeaders list (read-only, indexed lazily). */
  headers?: HeadersInit | RawHeaders;
  url?: string;
}

export class BufferedResponse implements Response {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly url: string;
  readonly redirected = false;
  readonly type: ResponseType = "default";
  #bytes: Uint8Array | null;
  readonly #hasBody: boolean;
  #used = false;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | null | undefined;

  /** `bytes` null gives a response without a body (204, 304, HEAD). */
  constructor(bytes: Uint8Array | null, init: BufferedResponseInit = {}) {
    const status = init.status ?? 200;
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new RangeError(`BufferedResponse: status ${status} is not in 200..599`);
    }
    this.status = status;
    this.statusText = init.statusText ?? "";
    this.ok = status >= 200 && status <= 299;
    this.headers = init.headers instanceof RawHeaders ? init.headers : new Headers(init.headers);
    this.url = init.url ?? "";
    this.#bytes = bytes;
    this.#hasBody = bytes !== null;
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#stream !== undefined) return this.#stream;
    const bytes = this.#bytes;
    if (!this.#hasBody) this.#stream = null;
    else if (this.#used) {
      // Read already (and let go of): a stream that says so, as a used fetch body does.
      this.#stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          controller.error(new TypeError("Body is unusable: it has already been read"));
        },
      });
    } else {
      this.#stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          controller.enqueue(bytes as Uint8Array<ArrayBuffer>);
          controller.close();
        },
      });
    }
    return this.#stream;
  }

  get bodyUsed(): boolean {
    return this.#used || (this.#stream?.locked ?? false);
  }

  #take(): Uint8Array {
    if (this.bodyUsed) throw new TypeError("Body is unusable: it has already been read");
    this.#used = true;
    // A body is read once: letting go of it here lets a large one be freed while it is parsed.
    const bytes = this.#bytes ?? new Uint8Array(0);
    this.#bytes = null;
    return bytes;
  }

  async text(): Promise<string> {
    return textDecoder.decode(this.#take());
  }

  async json(): Promise<unknown> {
    return JSON.parse(textDecoder.decode(this.#take()));
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#take().slice();
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take().slice().buffer;
  }

  async blob(): Promise<Blob> {
    return new Blob([this.#take().slice()], { type: this.headers.get("content-type") ?? "" });
  }

  async formData(): Promise<FormData> {
    const bytes = this.#take().slice();
    return new Response(bytes, { headers: this.headers }).formData();
  }

  clone(): BufferedResponse {
    if (this.bodyUsed) throw new TypeError("Response.clone: the body has already been read");
    return new BufferedResponse(this.#bytes, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers instanceof RawHeaders ? this.headers : new Headers(this.headers),
      url: this.url,
    });
  }

  get [Symbol.toStringTag](): string {
    return "Response";
  }
}
