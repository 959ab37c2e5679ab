// Building the emulator's responses: the headers every answer carries (request-id,
// DataServiceVersion, the client-request-id echo), OData JSON bodies with their
// `odata.metadata`, write headers (ETag, Last-Modified, DataServiceId) and BatchError bodies.

import { formatHttpDate } from "../service/etag.js";
import type { WriteResult } from "../service/operation-types.js";
import type { ResourceVersion } from "../service/service-error.js";
import type { RequestContext } from "./request-context.js";

export const JSON_CONTENT_TYPE = "application/json;odata=minimalmetadata";

/** Metadata fragments of the entity sets the emulator answers with. */
export const METADATA = {
  task: "tasks/@Element",
  tasks: "tasks",
  taskAddResult: "taskaddresult",
  subtasks: "subtaskinformations",
  job: "jobs/@Element",
  jobs: "jobs",
  taskCounts: "taskcounts/@Element",
  error: "Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element",
} as const;

export interface ErrorLike {
  status: number;
  code: string;
  message: string;
  values?: { key: string; value: string }[] | undefined;
  resource?: ResourceVersion | undefined;
}

export function baseHeaders(
  ctx: Pick<RequestContext, "requestId" | "echoClientRequestId">,
): Headers {
  const headers = new Headers({ "request-id": ctx.requestId, DataServiceVersion: "3.0" });
  if (ctx.echoClientRequestId !== undefined)
    headers.set("client-request-id", ctx.echoClientRequestId);
  return headers;
}

/** ETag and Last-Modified of the resource an answer is about. */
export function versionHeaders(headers: Headers, version: ResourceVersion): Headers {
  headers.set("ETag", version.eTag);
  headers.set("Last-Modified", formatHttpDate(version.lastModified));
  return headers;
}

export function writeHeaders(headers: Headers, result: WriteResult, dataServiceId = true): Headers {
  versionHeaders(headers, result);
  if (dataServiceId) headers.set("DataServiceId", result.url);
  return headers;
}

export function jsonResponse(
  ctx: RequestContext,
  status: number,
  metadata: string,
  body: object,
  headers: Headers = baseHeaders(ctx),
): Response {
  headers.set("Content-Type", JSON_CONTENT_TYPE);
  const payload = { "odata.metadata": `${ctx.origin}/$metadata#${metadata}`, ...body };
  return new Response(JSON.stringify(payload), { status, headers });
}

export function emptyResponse(status: number, headers: Headers): Response {
  return new Response(null, { status, headers });
}

/**
 * A BatchError answer. The message carries the request id and time on extra lines, as the
 * service's do; a 304 has no body at all, and the ETag and Last-Modified of the resource the
 * client already has.
 */
export function errorResponse(
  ctx: Pick<RequestContext, "requestId" | "echoClientRequestId" | "origin">,
  error: ErrorLike,
): Response {
  const headers = baseHeaders(ctx);
  if (error.status === 304) {
    if (error.resource) versionHeaders(headers, error.resource);
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", JSON_CONTENT_TYPE);
  const body = {
    "odata.metadata": `${ctx.origin}/$metadata#${METADATA.error}`,
    code: error.code,
    message: {
      lang: "en-US",
      value: `${error.message}\nRequestId:${ctx.requestId}\nTime:${new Date().toISOString()}`,
    },
    ...(error.values && error.values.length > 0 && { values: error.values }),
  };
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

/**
 * Makes sure a response (for instance one a middleware made up) carries the request id and
 * the client-request-id echo like every other answer. Dropped connections stay as they are.
 */
export function withStandardHeaders(
  response: Response,
  ctx: Pick<RequestContext, "requestId" | "echoClientRequestId">,
): Response {
  if (response.type === "error") return response;
  const missing = [...baseHeaders(ctx)].filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
