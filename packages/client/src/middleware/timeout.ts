// A client-side deadline for each attempt, separate from the service's `timeout` query parameter
// (which bounds the service's own processing). An attempt that runs out of time is aborted and
// becomes a BatchError of kind "timeout", which the retry step may try again.
import { linkAbort } from "../abort-link.js";
import { BatchError } from "../errors.js";
import type { PipelineStep } from "../pipeline.js";

export interface TimeoutMiddlewareOptions {
  /** Milliseconds an attempt may take until the response headers arrive; 0 or undefined: none. */
  timeoutMs: number | undefined;
}

export function timeoutMiddleware(options: TimeoutMiddlewareOptions): PipelineStep {
  const { timeoutMs } = options;
  if (timeoutMs === undefined || timeoutMs <= 0)
    return (request, next, context) => next(request, context);
  return async (request, next, context) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`attempt timed out after ${timeoutMs} ms`, "TimeoutError"));
    }, timeoutMs);
    const unlink = linkAbort(context.signal, controller);
    try {
      return await next(request, { ...context, attemptSignal: controller.signal });
    } catch (error) {
      if (timedOut && !context.signal?.aborted) {
        throw new BatchError({
          kind: "timeout",
          message: `${context.operation ?? "request"} attempt ${context.attempt} timed out after ${timeoutMs} ms`,
          operation: context.operation,
          clientRequestId: context.record.clientRequestId,
          attempts: context.attempt,
          cause: error,
        });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      unlink();
    }
  };
}
