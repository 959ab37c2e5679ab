// HTTP conditional headers as the service applies them: one header per request (two pairs
// allowed, where the ETag header wins), ETags compared exactly, dates at 1-second resolution,
// and unmet conditions answered 304 on reads and 412 on writes.

import { conditionNotMet, invalidHeaderValue, multipleConditionHeaders } from "./error-catalog.js";
import { etagMatches } from "./etag.js";
import type { ResourceVersion } from "./service-error.js";

export interface ConditionalHeaders {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
  ifModifiedSince?: string | undefined;
  ifUnmodifiedSince?: string | undefined;
}

/** The resource's version; Last-Modified is compared at whole seconds, as it is sent. */
export type ConditionTarget = ResourceVersion;

export type AccessKind = "read" | "write";

function present(value: string | undefined): value is string {
  return value !== undefined && value !== "";
}

function parseHttpDate(name: string, value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw invalidHeaderValue(name, value, "The value is not a valid RFC 1123 date.");
  }
  return Math.floor(ms / 1000);
}

/** Throws the service's error when the request's conditions rule the operation out. */
export function checkConditions(
  headers: ConditionalHeaders | undefined,
  target: ConditionTarget,
  kind: AccessKind,
): void {
  if (!headers) return;
  const { ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince } = headers;
  const given = [ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince].filter(present).length;
  if (given === 0) return;
  const allowedPair =
    given === 2 &&
    ((present(ifNoneMatch) && present(ifModifiedSince)) ||
      (present(ifMatch) && present(ifUnmodifiedSince)));
  if (given > 1 && !allowedPair) throw multipleConditionHeaders();

  const lastModifiedSeconds = Math.floor(target.lastModified / 1000);
  const notModifiedStatus = kind === "read" ? 304 : 412;

  if (present(ifMatch)) {
    if (present(ifUnmodifiedSince)) parseHttpDate("If-Unmodified-Since", ifUnmodifiedSince);
    if (!etagMatches(ifMatch, target.eTag)) throw conditionNotMet(412);
    return;
  }
  if (present(ifNoneMatch)) {
    if (present(ifModifiedSince)) parseHttpDate("If-Modified-Since", ifModifiedSince);
    if (etagMatches(ifNoneMatch, target.eTag)) throw conditionNotMet(notModifiedStatus, target);
    return;
  }
  if (present(ifModifiedSince)) {
    if (lastModifiedSeconds <= parseHttpDate("If-Modified-Since", ifModifiedSince)) {
      throw conditionNotMet(notModifiedStatus, target);
    }
    return;
  }
  if (present(ifUnmodifiedSince)) {
    if (lastModifiedSeconds > parseHttpDate("If-Unmodified-Since", ifUnmodifiedSince)) {
      throw conditionNotMet(412);
    }
  }
}
