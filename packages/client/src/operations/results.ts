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
 * The body of a successful answer with its meta. Only for an invocation made with `expectBody`
 * that was not a 304: its data is then a JSON object (invoke turned an empty or non-object body
 * into a BatchError), so it is not checked again here.
 */
export function bodyWithMeta<T extends object>(invocation: Invocation): WithMeta<T> {
  return withMeta((invocation as { data: T }).data, invocation.meta);
}
