// The shapes operations return: bodiless answers as { reconciled, meta }, bodies as the
// service's JSON with a non-enumerable `meta`.
import type { OperationId, operations } from "@batch/types";
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

/**
 * The JSON body of an operation's 200 answer, as the spec's `operations` declares it: the typed
 * operations' results follow the spec, never a hand-picked schema.
 */
export type OkBody<Op extends OperationId> = SuccessBody<operations, Op>;

/** `OkBody` over any operations map (the type tests feed it a changed spec). */
export type SuccessBody<Ops, Op extends keyof Ops> = Ops[Op] extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

/** The items of a list operation's pages, from its 200 body's `value`. */
export type ListItem<Op extends OperationId> =
  OkBody<Op> extends { value?: (infer Item)[] } ? Item : never;

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
export function bodyWithMeta<Op extends OperationId>(invocation: Invocation): WithMeta<OkBody<Op>> {
  return withMeta((invocation as { data: OkBody<Op> & object }).data, invocation.meta);
}
