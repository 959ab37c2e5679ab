// A standard Response whose body is already in memory. Node 20's Response wraps every body in a
// web ReadableStream, which costs more per request than the whole rest of a loopback round trip;
// this subclass keeps the bytes and only builds a stream if someone asks for `body`.

const textDecoder = new TextDecoder();

export class BufferedResponse extends Response {
  readonly #bytes: Uint8Array | null;
  readonly #init: ResponseInit;
  #used = false;
  #stream: ReadableStream<Uint8Array> | null | undefined;

  /** `bytes` null gives a response without a body (204, 304, HEAD). */
  constructor(bytes: Uint8Array | null, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes;
    this.#init = init;
    // Response declares body and bodyUsed as accessors on its prototype; own accessors win.
    Object.defineProperty(this, "body", { get: () => this.#body(), enumerable: true });
    Object.defineProperty(this, "bodyUsed", {
      get: () => this.#used || (this.#stream?.locked ?? false),
      enumerable: true,
    });
  }

  #body(): ReadableStream<Uint8Array> | null {
    if (this.#stream !== undefined) return this.#stream;
    const bytes = this.#bytes;
    this.#stream =
      bytes === null
        ? null
        : new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(bytes);
              controller.close();
            },
          });
    return this.#stream;
  }

  #take(): Uint8Array {
    if (this.#used || (this.#stream?.locked ?? false)) {
      throw new TypeError("Body is unusable: it has already been read");
    }
    this.#used = true;
    return this.#bytes ?? new Uint8Array(0);
  }

  override async text(): Promise<string> {
    return textDecoder.decode(this.#take());
  }

  override async json(): Promise<unknown> {
    return JSON.parse(textDecoder.decode(this.#take()));
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  override async blob(): Promise<Blob> {
    const bytes = this.#take();
    return new Blob([bytes as Uint8Array<ArrayBuffer>], {
      type: this.headers.get("content-type") ?? "",
    });
  }

  override async formData(): Promise<FormData> {
    const bytes = this.#take();
    return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: this.headers }).formData();
  }

  override clone(): BufferedResponse {
    if (this.bodyUsed) throw new TypeError("Response.clone: the body has already been read");
    return new BufferedResponse(this.#bytes, { ...this.#init, headers: new Headers(this.headers) });
  }
}
