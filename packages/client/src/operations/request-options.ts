// The per-call options the mission document lists for every operation, and how they map onto
// the spec's query parameters and headers.
import { clientError } from "../errors.js";

/** Options every operation takes. */
export interface CallOptions {
  /**
   * The most time the service may spend on the request, in seconds (query `timeout`): at most
   * 30 (the default), or 120 for add-collection (its default too); a larger value is replaced by
   * the default.
   */
  timeout?: number;
  /** Your own id for the call (a GUID); otherwise a random UUID is sent. Kept across retries. */
  clientRequestId?: string;
  /** Ask the service to echo `client-request-id` in the response. */
  returnClientRequestId?: boolean;
  /** The request's date (`ocp-date`); the current time when omitted. Retries use a fresh one. */
  ocpDate?: Date | string;
  /** Stops the call, its retries and backoff sleeps. */
  signal?: AbortSignal;
}

/** The conditional headers of get, update, delete, terminate and reactivate. */
export interface ConditionalOptions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: Date | string;
  ifUnmodifiedSince?: Date | string;
}

export interface SelectOptions {
  /** OData `$select`: top-level property names, as "id,state" or ["id", "state"]. */
  select?: string | readonly string[];
}

export interface ExpandOptions {
  /** OData `$expand`, e.g. "stats". */
  expand?: string | readonly string[];
}

export interface FilterOptions {
  /** OData `$filter`, e.g. "state eq 'completed'". */
  filter?: string;
  /** Items per page, 1 to 1000 (query `maxresults`). */
  maxResults?: number;
}

/** An RFC 1123 date for a header, from a Date or any string Date.parse understands. */
export function httpDate(value: Date | string, option: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw clientError(
      "InvalidHeaderValue",
      `${option} must be a Date or a date string, got ${JSON.stringify(String(value))}`,
    );
  }
  return date.toUTCString();
}

export function commaList(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : value.join(",");
}

/** The query of a call that takes only the service's `timeout`. */
export function callQuery(apiVersion: string, options: CallOptions) {
  return { "api-version": apiVersion, timeout: options.timeout };
}

/** The query of a read of one resource: `$select`, `$expand` and `timeout`. */
export function readQuery(
  apiVersion: string,
  options: CallOptions & SelectOptions & ExpandOptions,
) {
  return {
    "api-version": apiVersion,
    $select: commaList(options.select),
    $expand: commaList(options.expand),
    timeout: options.timeout,
  };
}

/** The query of a list's first page; the page size asked of `byPage` wins over `maxResults`. */
export function listQuery(
  apiVersion: string,
  options: CallOptions & SelectOptions & ExpandOptions & FilterOptions,
  maxPageSize: number | undefined,
) {
  return {
    ...readQuery(apiVersion, options),
    $filter: options.filter,
    maxresults: maxPageSize ?? options.maxResults,
  };
}

export function callHeaders(options: CallOptions) {
  return {
    "client-request-id": options.clientRequestId,
    "return-client-request-id": options.returnClientRequestId,
    "ocp-date": options.ocpDate === undefined ? undefined : httpDate(options.ocpDate, "ocpDate"),
  };
}

/**
 * The call headers and the conditional headers in one object literal. Not a spread of
 * `callHeaders`: on the get path that spread cost a second object per call and a slower-shaped
 * one, which raised a 5,000-get run's peak heap from about 12 to 18 MiB (bench:client).
 */
export function conditionalCallHeaders(options: CallOptions & ConditionalOptions) {
  return {
    "client-request-id": options.clientRequestId,
    "return-client-request-id": options.returnClientRequestId,
    "ocp-date": options.ocpDate === undefined ? undefined : httpDate(options.ocpDate, "ocpDate"),
    "If-Match": options.ifMatch,
    "If-None-Match": options.ifNoneMatch,
    "If-Modified-Since":
      options.ifModifiedSince === undefined
        ? undefined
        : httpDate(options.ifModifiedSince, "ifModifiedSince"),
    "If-Unmodified-Since":
      options.ifUnmodifiedSince === undefined
        ? undefined
        : httpDate(options.ifUnmodifiedSince, "ifUnmodifiedSince"),
  };
}

/** Job and task ids go into the URL path; "", "." and ".." would silently address another resource. */
export function assertId(name: "jobId" | "taskId", value: unknown): asserts value is string {
  if (typeof value !== "string" || value === "" || value === "." || value === "..") {
    throw clientError(
      "InvalidId",
      `${name} must be a non-empty string other than "." and "..", got ${JSON.stringify(value)}`,
    );
  }
}
