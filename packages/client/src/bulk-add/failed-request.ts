// addMany's decisions about a request that failed after the pipeline's own retries, on the
// retry step's classification (retryable failures, which of them may have been applied, full
// jitter), plus what only a bulk request can do: split tasks the service found too large to take
// in one request, or refused as a whole for what one of them holds.
import type { BatchError } from "../errors.js";
import { fullJitterDelay, isRetryableError, outcomeUnknown } from "../middleware/retry.js";

export type FailedRequestAction =
  /** Too large (413): send the tasks again in smaller requests. */
  | { action: "split" }
  /** Refused (400) for what some task holds: send the halves alone, to find the task(s). */
  | { action: "isolate" }
  /** Send the tasks again later; `uncertain`: the failed request may have added them. */
  | { action: "resend"; uncertain: boolean }
  /**
   * Every request would fail alike (authentication, JobNotFound, no token, a 400 about the
   * request rather than its tasks...): stop sending.
   */
  | { action: "stop" };

export function failedRequestAction(error: BatchError): FailedRequestAction {
  const status = error.kind === "service" ? error.status : 0;
  if (status === 413) return { action: "split" };
  // A 400 about the body (a missing or unsupported property, a bad value, unreadable JSON) may
  // be one task's; any other (the URL, a header, the api-version) would meet every request.
  if (status === 400 && /Propert|Body/.test(error.code as string)) return { action: "isolate" };
  return isRetryableError(error)
    ? { action: "resend", uncertain: outcomeUnknown(error.status) }
    : { action: "stop" };
}

/**
 * The wait before sending again tasks tried `tries` times: full jitter from `baseDelayMs`, the
 * ceiling at most 30 s.
 */
export function resendDelay(tries: number, baseDelayMs: number, random: () => number): number {
  return fullJitterDelay(Math.max(1, tries), baseDelayMs, 30_000, random);
}
