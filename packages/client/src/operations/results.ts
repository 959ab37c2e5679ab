// The shapes operations return: bodiless answers as { reconciled, meta }, bodies as the
// service's JSON with a non-enumerable `meta`.
import type { Invocation } from "./invoke.js";
import { type ResponseMeta, type WithMeta, withMeta } from "./response-meta.js";

/** The result of an operation whose answer has no body. */
export interface WriteResult {
  /**
   * True when an earlier attempt got no clear answer and the retry met the error that attempt
   * would cause if it had gone through (e.g. TaskExists after a lost Task_Add answer): the call
   * counts as done, and `meta` is that of the final answer.
   */
  reconciled: boolean;
  meta: ResponseMeta;
}

/** Get options without the conditions that can produce 304 Not Modified. */
export type UnconditionalGet<O> = O & { ifNoneMatch?: undefined; ifModifiedSince?: undefined };

export function writeResult(invocation: Invocation): WriteResult {
  return {
    reconciled: invocation.kind === "ok" && invocation.reconciled,
    meta: invocation.meta,
  };
}

/**
 * The body of a successful answer with its meta. The invocation was made with `expectBody`, so
 * its data is a JSON object (an empty or non-object body was already a BatchError).
 */
export function bodyWithMeta<T extends object>(invocation: Invocation): WithMeta<T> {
  if (invocation.kind !== "ok" || typeof invocation.data !== "object" || invocation.data === null) {
    throw new TypeError("bodyWithMeta: the invocation carries no JSON object");
  }
  return withMeta(invocation.data as T, invocation.meta);
}
