// What arrived on the wire, for Shared Key verification: the request target exactly as sent
// (a fetch Request's URL is normalized, e.g. `'` becomes %27) and the Content-Length header as
// received (fetch Requests drop it). The node:http bridge records them in a WeakMap keyed by
// the Request it builds: nothing a client sends can forge them (unlike a private header), and
// they go away with the Request. In-process requests fall back to the Request itself.

export interface ReceivedRequest {
  /** Path and query exactly as received, e.g. `/jobs/j%201/tasks?api-version=…`. */
  target: string;
  /** The Content-Length header as received, if any. */
  contentLength?: string | undefined;
}

const received = new WeakMap<Request, ReceivedRequest>();

export function recordReceivedRequest(request: Request, wire: ReceivedRequest): void {
  received.set(request, wire);
}

export function receivedRequestOf(request: Request): ReceivedRequest | undefined {
  return received.get(request);
}
