// A client-side deadline for each attempt, separate from the service's `timeout` query parameter
// (which bounds the service's own processing). The deadline covers the whole attempt: getting a
// token, sending, and reading the answer's body (the transport step reads it inside the
// attempt). An attempt that runs out of time is aborted and becomes a BatchError of kind
// "timeout", which the retry step may try again.
import { BatchError } from "../errors.js";
import type { PipelineStep } from "../pipeline.js";
import { startDeadline, systemTimers, type Timers } from "../timers.js";
import type { StartDeadline } from "../transport/starts-deadlines.js";

/**
 * The default deadline of an attempt: 130 seconds. The service's own processing limit (its
 * `timeout` parameter) is at most 30 seconds for most operations but 120 for Task_AddCollection
 * (also its default there), so a deadline shorter than that would abandon, and resend, an
 * add-collection the service is still working on. The 10 seconds beyond it leave room for the
 * transfer of a large page or request body, while an attempt whose connection went silent still
 * ends. The retry step's default `maxElapsedMs` (200 s) still lets one such attempt be tried again.
 */
export const defaultTimeoutMs = 130_000;

// setTimeout fires at once for delays past 2^31 - 1 ms; longer deadlines mean "none".
const longestTimerMs = 2 ** 31 - 1;

export interface TimeoutMiddlewareOptions {
  /** Milliseconds an attempt may take, body included; 0, Infinity or undefined: no deadline. */
  timeoutMs: number | undefined;
  timers?: Timers;
  /** How a deadline is started (default `startDeadline`; the transport may offer a lighter one). */
  start?: StartDeadline | undefined;
}

export function timeoutMiddleware(options: TimeoutMiddlewareOptions): PipelineStep {
  const { timeoutMs } = options;
  if (timeoutMs === undefined || !(timeoutMs > 0) || timeoutMs > longestTimerMs) {
    return (request, next, context) => next(request, context);
  }
  const timers = options.timers ?? systemTimers;
  const start = options.start ?? startDeadline;
  return async (request, next, context) => {
    const deadline = start(
      context.signal,
      timeoutMs,
      timers,
      () => new DOMException(`attempt timed out after ${timeoutMs} ms`, "TimeoutError"),
    );
    try {
      return await next(request, { ...context, attemptSignal: deadline.signal });
    } catch (error) {
      if (deadline.expired && !context.signal?.aborted) {
        throw new BatchError({
          kind: "timeout",
          message: `${context.operation ?? "request"} attempt ${context.attempt} timed out after ${timeoutMs} ms`,
          operation: context.operation,
          clientRequestId: context.record.clientRequestId,
          attempts: context.record.attempts,
          cause: error,
        });
      }
      throw error;
    } finally {
      deadline.release();
    }
  };
}
