// The date of each attempt (`ocp-date`). The headers step dates the call once; the auth steps,
// which run for every attempt, date every later attempt afresh: a retry is a new request, and
// the service refuses a Shared Key request dated more than 15 minutes ago.
import type { HeaderBag } from "../request-headers.js";

/**
 * Dates the attempt: the date already set (the caller's `ocpDate`, or the headers step's) is
 * kept for a first attempt; a later attempt (`fresh`), or a request without a date, gets `now`.
 */
export function stampOcpDate(headers: HeaderBag, fresh: boolean, now: () => Date): void {
  if (fresh || !headers.get("ocp-date")) headers.set("ocp-date", now().toUTCString());
}
