// Per-task `servererror` results in Task_AddCollection: the chosen tasks are taken out of the
// request before the service sees it (so they are not added), the others are added normally,
// and the answer lists every task in the order sent, as the service's would.

import type { TaskAddResult } from "@batch/types";
import type { OperationCall } from "../http/operation-middleware.js";
import { JSON_CONTENT_TYPE, METADATA } from "../http/responses.js";
import { originOf, taskServerError } from "./fault-responses.js";

/** A task collection entry that can be given a servererror: one with a task id. */
export interface CollectionEntry {
  index: number;
  taskId: string;
}

/**
 * The entries of a Task_AddCollection body the service would take as a whole (1 to
 * `maxTasks` tasks), or undefined. A collection refused as a whole gets its 400, not faults
 * that would hide it.
 */
export function collectionEntries(
  call: OperationCall,
  maxTasks: number,
): { entries: readonly unknown[]; candidates: CollectionEntry[] } | undefined {
  if (call.operation !== "Task_AddCollection") return undefined;
  const entries = (call.body as { value?: unknown } | null | undefined)?.value;
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > maxTasks) {
    return undefined;
  }
  const candidates: CollectionEntry[] = [];
  entries.forEach((entry: unknown, index) => {
    const taskId = (entry as { id?: unknown } | null)?.id;
    if (typeof taskId === "string" && taskId !== "") candidates.push({ index, taskId });
  });
  return { entries, candidates };
}

/**
 * Answers a task collection with servererror results for the `failed` entries. The service is
 * only called when some tasks remain; a whole-request error it gives (a missing job...) is
 * answered as it is.
 */
export async function answerWithTaskServerErrors(
  call: OperationCall,
  entries: readonly unknown[],
  failed: ReadonlyMap<number, string>,
  next: () => Promise<Response>,
): Promise<Response> {
  const remaining = entries.filter((_, index) => !failed.has(index));
  let added: TaskAddResult[] = [];
  let metadata = `${originOf(call)}/$metadata#${METADATA.taskAddResult}`;
  let headers = new Headers({ "Content-Type": JSON_CONTENT_TYPE });
  if (remaining.length > 0) {
    call.body = { ...(call.body as object), value: remaining };
    const response = await next();
    if (response.status !== 200) return response;
    const body = (await response.json()) as { "odata.metadata": string; value: TaskAddResult[] };
    added = body.value;
    metadata = body["odata.metadata"];
    headers = new Headers(response.headers);
  }
  let k = 0;
  const value = entries.map((_, index) => {
    const taskId = failed.get(index);
    return taskId === undefined ? added[k++]! : taskServerError(taskId);
  });
  return new Response(JSON.stringify({ "odata.metadata": metadata, value }), {
    status: 200,
    headers,
  });
}
