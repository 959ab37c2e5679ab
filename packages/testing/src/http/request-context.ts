// One request as the handlers see it: a request id, the origin it was sent to, the raw path
// and query as received, the decoded query parameters (first value wins, as in signing) and
// the echo of client-request-id when the client asked for it.

import { randomUUID } from "node:crypto";
import { decodeQueryComponent } from "../auth/query-canonicalization.js";
import { receivedRequestOf } from "./received-request.js";

export interface RequestContext {
  readonly request: Request;
  readonly requestId: string;
  /** scheme://host:port the client used; resource URLs and next links are built on it. */
  readonly origin: string;
  readonly rawPath: string;
  readonly rawQuery: string;
  /** Content-Length as received (or as an in-process client would have sent it). */
  readonly receivedContentLength: string | undefined;
  readonly query: ReadonlyMap<string, string>;
  /** The client-request-id to send back, when `return-client-request-id: true`. */
  readonly echoClientRequestId: string | undefined;
}

function splitTarget(target: string): { rawPath: string; rawQuery: string } {
  let pathAndQuery = target;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(target);
  if (scheme) pathAndQuery = target.slice(scheme[0].length) || "/";
  const hash = pathAndQuery.indexOf("#");
  if (hash >= 0) pathAndQuery = pathAndQuery.slice(0, hash);
  const question = pathAndQuery.indexOf("?");
  return question < 0
    ? { rawPath: pathAndQuery, rawQuery: "" }
    : { rawPath: pathAndQuery.slice(0, question), rawQuery: pathAndQuery.slice(question + 1) };
}

export function parseQuery(rawQuery: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    const name = decodeQueryComponent(equals < 0 ? part : part.slice(0, equals));
    const value = equals < 0 ? "" : decodeQueryComponent(part.slice(equals + 1));
    if (!query.has(name)) query.set(name, value);
  }
  return query;
}

/** The path as received (percent-encoded), for routing. */
export function rawPathOf(request: Request): string {
  return splitTarget(receivedRequestOf(request)?.target ?? request.url).rawPath;
}

/**
 * `bodyLength` is the size of the body already read, which stands in for Content-Length when
 * an in-process request has none: clients sign the length of what they send.
 */
export function createRequestContext(request: Request, bodyLength?: number): RequestContext {
  const wire = receivedRequestOf(request);
  const { rawPath, rawQuery } = splitTarget(wire?.target ?? request.url);
  const sentLength = request.headers.get("content-length") ?? undefined;
  const clientRequestId = request.headers.get("client-request-id") ?? undefined;
  const wantsEcho =
    request.headers.get("return-client-request-id")?.trim().toLowerCase() === "true";
  return {
    request,
    requestId: randomUUID(),
    origin: new URL(request.url).origin,
    rawPath,
    rawQuery,
    receivedContentLength: wire
      ? wire.contentLength
      : (sentLength ?? (bodyLength ? String(bodyLength) : undefined)),
    query: parseQuery(rawQuery),
    echoClientRequestId: wantsEcho ? clientRequestId : undefined,
  };
}
