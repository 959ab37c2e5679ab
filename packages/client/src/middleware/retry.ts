// Retries: which failures are retried, how long to wait (exponential backoff with full jitter,
// or the service's Retry-After), and when to give up (attempts, elapsed time, the caller's
// AbortSignal). It also records attempts whose outcome is unknown, which is how a later
// TaskExists/JobExists can be recognised as our own earlier attempt.
import { abortedError, type BatchError, isBatchError } from "../errors.js";
import { numberOption } from "../number-option.js";
import type { PipelineStep } from "../pipeline.js";
import { redactUrl } from "../redaction.js";
import { abortableSleep, type Sleep } from "../sleep.js";

/** HTTP statuses worth another attempt; no other 4xx is ever retried. */
export const retryableStatuses: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export interface RetryInfo {
  /** The attempt that just failed (1 for the first). */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** The failed answer, when there was one. */
  response?: Response;
  /** The network or timeout error, when there was no answer. */
  error?: BatchError;
  /** Method and URL of the request; query values not on the allow-list are redacted. */
  request: { method: string; url: string };
  operation: string | undefined;
}

export interface RetryOptions {
  /** Retries after the first attempt (default 4; 0 disables retrying). */
  maxRetries?: number;
  /** First backoff ceiling; it doubles on each retry (default 500 ms). */
  baseDelayMs?: number;
  /** Largest backoff ceiling (default 30 s). */
  maxDelayMs?: number;
  /** Largest wait a Retry-After header can impose (default 60 s). */
  maxRetryAfterMs?: number;
  /**
   * No retry starts once this much time would have passed since the call began (default 200 s:
   * an attempt cut off at the default 130 s deadline is still tried once more).
   */
  maxElapsedMs?: number;
  /** Called before each backoff sleep. */
  onRetry?: (info: RetryInfo) => void | Promise<void>;
  /** Random source in [0, 1) for the jitter (tests pin it). */
  random?: () => number;
  sleep?: Sleep;
  /** Milliseconds clock for the elapsed-time budget and HTTP-date Retry-After. */
  now?: () => number;
}

/**
 * Whether an attempt that ended so (`status` undefined: no answer, or a timeout) may have been
 * applied by the service. Of the retried failures only a 429 is known to have done nothing: the
 * service refuses it before any work.
 */
export function outcomeUnknown(status: number | undefined): boolean {
  return status !== 429;
}

/** Whether a failure is worth another attempt: no answer, a timeout, or a retryable status. */
export function isRetryableError(error: BatchError): boolean {
  return (
    error.kind === "network" ||
    error.kind === "timeout" ||
    (error.status !== undefined && retryableStatuses.has(error.status))
  );
}

/**
 * Full jitter: a delay drawn uniformly below the ceiling, which starts at `baseDelayMs` and
 * doubles with each retry (`retry` 1 for the first) up to `maxDelayMs`.
 */
export function fullJitterDelay(
  retry: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number,
): number {
  return Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1)));
}

/** Milliseconds to wait from Retry-After (seconds or HTTP-date) or retry-after-ms headers. */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const value = headers.get(name);
    if (value !== null && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  }
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export function retryMiddleware(options: RetryOptions = {}): PipelineStep {
  const maxRetries = numberOption(options, "maxRetries", 4);
  const baseDelayMs = numberOption(options, "baseDelayMs", 500);
  const maxDelayMs = numberOption(options, "maxDelayMs", 30_000);
  const maxRetryAfterMs = numberOption(options, "maxRetryAfterMs", 60_000);
  const maxElapsedMs = numberOption(options, "maxElapsedMs", 200_000);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;

  return async (request, next, context) => {
    const { signal, record } = context;
    const info = () => ({
      operation: context.operation,
      clientRequestId: record.clientRequestId,
      attempts: record.attempts,
    });
    const started = now();
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortedError(info(), signal.reason);
      // Counted, not set: the record may be shared with an outer step's own counting.
      record.attempts++;
      let response: Response | undefined;
      let error: BatchError | undefined;
      try {
        response = await next(
          request,
          attempt === context.attempt ? context : { ...context, attempt },
        );
      } catch (thrown) {
        if (!isBatchError(thrown) || !isRetryableError(thrown)) throw thrown;
        if (signal?.aborted) throw abortedError(info(), signal.reason);
        error = thrown;
      }
      // A 401 to a cached bearer token: the service did nothing, and a new token may do. It is
      // sent again at once, as a retry like any other, so a credential whose tokens keep being
      // refused costs at most the retry budget.
      const tokenRefused = response?.status === 401 && record.tokenRefused === true;
      // Written only when set, so the common call's record keeps its shape.
      if (tokenRefused) record.tokenRefused = false;
      if (response !== undefined && !tokenRefused && !retryableStatuses.has(response.status)) {
        return response;
      }

      const fromHeader =
        response && !tokenRefused ? retryAfterMs(response.headers, now()) : undefined;
      const delayMs = tokenRefused
        ? 0
        : fromHeader !== undefined
          ? Math.min(fromHeader, maxRetryAfterMs)
          : fullJitterDelay(attempt, baseDelayMs, maxDelayMs, random);
      if (attempt > maxRetries || now() - started + delayMs > maxElapsedMs) {
        if (response) return response;
        throw error;
      }
      if (!tokenRefused && outcomeUnknown(response?.status)) record.uncertainAttempts++;
      await options.onRetry?.({
        attempt,
        delayMs,
        response,
        error,
        request: { method: request.method, url: redactUrl(request.url) },
        operation: context.operation,
      });
      // Release the connection of the answer we are not going to read.
      await response?.body?.cancel().catch(() => undefined);
      try {
        if (!tokenRefused) await sleep(delayMs, signal);
      } catch (reason) {
        throw abortedError(info(), signal?.reason ?? reason);
      }
    }
  };
}
