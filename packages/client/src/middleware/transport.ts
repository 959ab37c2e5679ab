// The centre of the pipeline: sends one attempt through the injected fetch and turns a failure
// to get an answer into a BatchError ("network", or "aborted" when the caller's signal fired).
import { linkAbort } from "../abort-link.js";
import { abortedError, BatchError } from "../errors.js";
import type { FetchLike, Next } from "../pipeline.js";
import { headersInit } from "../request-headers.js";
import { releasesSignalListeners } from "../transport/releases-signal.js";

export function transportStep(fetchImpl: FetchLike): Next {
  const direct = releasesSignalListeners(fetchImpl);
  return async (request, context) => {
    // A per-attempt child of the caller's signal: the fetch implementation may keep listeners on
    // the signal it is given until the request is garbage collected (unless it is marked as one
    // that does not).
    let signal = context.attemptSignal;
    let unlink: (() => void) | undefined;
    if (signal === undefined && direct) signal = context.signal;
    else if (signal === undefined && context.signal !== undefined) {
      const controller = new AbortController();
      unlink = linkAbort(context.signal, controller);
      signal = controller.signal;
    }
    const init: RequestInit = { method: request.method, headers: headersInit(request.headers) };
    if (context.body !== undefined) init.body = context.body;
    if (signal !== undefined) init.signal = signal;
    try {
      return await fetchImpl(request.url, init);
    } catch (cause) {
      const info = {
        operation: context.operation,
        clientRequestId: context.record.clientRequestId,
        attempts: context.attempt,
      };
      if (context.signal?.aborted) throw abortedError(info, context.signal.reason);
      const reason = cause instanceof Error ? cause.message : String(cause);
      const detail =
        cause instanceof Error && cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
      throw new BatchError({
        kind: "network",
        message: `${context.operation ?? "request"} got no answer: ${reason}${detail}`,
        ...info,
        cause,
      });
    } finally {
      unlink?.();
    }
  };
}
