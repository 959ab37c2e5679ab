// The response headers that matter, lifted off each answer into a typed `meta` object.
import type { CallRecord } from "../pipeline.js";

export interface ResponseMeta {
  /** HTTP status of the final answer. */
  status: number;
  /** The service's id for the request (`request-id`); quote it to support. */
  requestId: string | undefined;
  /** The echoed `client-request-id`, or the one sent when the service did not echo it. */
  clientRequestId: string | undefined;
  eTag: string | undefined;
  /** `Last-Modified`, as the RFC 1123 string the service sent. */
  lastModified: string | undefined;
  /** `DataServiceId`: the URL of the resource a write applied to. */
  dataServiceId: string | undefined;
  /** HTTP attempts the call took. */
  attempts: number;
  /** Earlier attempts that got no clear answer, so the service may have applied them. */
  uncertainAttempts: number;
}

/** A resource as the service sent it, plus a non-enumerable `meta` (JSON.stringify skips it). */
export type WithMeta<T> = T & { readonly meta: ResponseMeta };

export function readMeta(response: Response, record: CallRecord): ResponseMeta {
  const h = response.headers;
  return {
    status: response.status,
    requestId: h.get("request-id") ?? undefined,
    clientRequestId: h.get("client-request-id") ?? record.clientRequestId,
    eTag: h.get("etag") ?? undefined,
    lastModified: h.get("last-modified") ?? undefined,
    dataServiceId: h.get("dataserviceid") ?? undefined,
    attempts: record.attempts,
    uncertainAttempts: record.uncertainAttempts,
  };
}

export function withMeta<T extends object>(value: T, meta: ResponseMeta): WithMeta<T> {
  Object.defineProperty(value, "meta", { value: meta, enumerable: false, configurable: true });
  return value as WithMeta<T>;
}
