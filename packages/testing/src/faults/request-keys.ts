// What makes two requests "the same logical request" for the progress guarantee. A retry may
// keep its client-request-id (most SDK retry policies) or get a new one with the same content
// (az's task collection loop, which may also reorder the chunk), so a request is known by each
// of: its client-request-id, its x-ms-client-request-id, and a hash of its method, path, query
// and body, with a task collection's tasks in a canonical order.

import { createHash } from "node:crypto";
import type { OperationCall } from "../http/operation-middleware.js";

function contentKey(call: OperationCall): string {
  const url = new URL(call.request.url);
  const query = [...call.query.entries()]
    .filter(([name]) => name !== "timeout")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha1")
    .update(call.request.method)
    .update("\n")
    .update(url.pathname.toLowerCase())
    .update("\n")
    .update(JSON.stringify(query))
    .update("\n")
    .update(bodyText(call))
    .digest("base64");
}

/**
 * The body in a canonical text. A body nested too deeply to serialize again (JSON.parse takes
 * any depth, JSON.stringify does not) is known by its shape alone.
 */
function bodyText(call: OperationCall): string {
  try {
    const entries = (call.body as { value?: unknown } | null | undefined)?.value;
    if (call.operation === "Task_AddCollection" && Array.isArray(entries)) {
      return JSON.stringify(entries.map((entry) => JSON.stringify(entry)).sort());
    }
    return JSON.stringify(call.body) ?? "";
  } catch {
    return `unserializable ${Array.isArray(call.body) ? "array" : typeof call.body}`;
  }
}

export function requestKeys(call: OperationCall): string[] {
  const keys = [`content:${contentKey(call)}`];
  const clientRequestId = call.request.headers.get("client-request-id");
  if (clientRequestId) keys.push(`client-request-id:${clientRequestId}`);
  const msClientRequestId = call.request.headers.get("x-ms-client-request-id");
  if (msClientRequestId) keys.push(`x-ms-client-request-id:${msClientRequestId}`);
  return keys;
}

/** The key of a task id in a job for the per-task guarantee (ids are unique ignoring case). */
export function taskKey(jobId: string | undefined, taskId: string): string {
  return `${(jobId ?? "").toLowerCase()}/${taskId.toLowerCase()}`;
}
