// The centre of the pipeline: sends one attempt through the injected fetch, reads the answer's
// body inside the attempt (so the attempt's deadline and the caller's signal cover it), and
// turns a failure to get a whole answer into a BatchError ("network", or "aborted" when the
// caller's signal fired).
import { linkAbort } from "../abort-link.js";
import { abortedError, BatchError, isBatchError } from "../errors.js";
import type { FetchLike, Next } from "../pipeline.js";
import { headersInit } from "../request-headers.js";
import { buffersBodies } from "../transport/buffers-body.js";
import { inMemoryResponse } from "../transport/read-body.js";
import { releasesSignalListeners } from "../transport/releases-signal.js";

export function transportStep(fetchImpl: FetchLike): Next {
  const direct = releasesSignalListeners(fetchImpl);
  // A fetch resolves once the headers are in; its body is read here, still under the attempt's
  // signal, unless the transport hands over answers already in memory (node:http).
  const buffered = buffersBodies(fetchImpl);
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
      const response = await fetchImpl(request.url, init);
      return buffered ? response : await inMemoryResponse(response, signal);
    } catch (cause) {
      const info = {
        operation: context.operation,
        clientRequestId: context.record.clientRequestId,
        attempts: context.record.attempts,
      };
      // Told apart here, not only by the retry step, so that what the logging step sees and
      // the error of a pipeline without retries both say "aborted" rather than "network".
      if (context.signal?.aborted) throw abortedError(info, context.signal.reason);
      // A transport's own BatchError (node:http's ResponseTooLarge): an answer arrived but cannot
      // be used, so it is no network error for the retry step. The call's details are added.
      if (isBatchError(cause)) {
        throw new BatchError({ ...cause.toJSON(), ...info, cause });
      }
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
