// Serves msw handlers over node:http: each IncomingMessage becomes a fetch Request answered by
// msw's getResponse, so the emulator runs the very handlers in-process tests use. What arrives
// on the wire that a Request would lose (the raw request target, Content-Length) is recorded
// for signature checks. Bodies are read up to a limit and refused beyond it without reading
// on; a `Response.error()` from a handler drops the connection.

import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getResponse, type RequestHandler } from "msw";
import { recordReceivedRequest } from "../http/received-request.js";
import { type ErrorLike, errorResponse } from "../http/responses.js";
import {
  internalError,
  requestBodyTooLarge,
  requestUrlFailedToParse,
  resourceNotFound,
} from "../service/error-catalog.js";

export interface BridgeOptions {
  handlers: () => readonly RequestHandler[];
  /** Bodies of this many bytes or more are answered 413 without being read further. */
  maxBodyBytes: () => number;
  /** host:port to use when a request has no Host header. */
  fallbackHost: () => string;
}

// Headers that describe the connection, not the request; a fetch Request does not carry them.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "proxy-connection",
  "te",
  "trailer",
  "expect",
]);

// Response headers in the spelling the service uses (fetch Headers lower-case every name).
const HEADER_CASE: Record<string, string> = {
  etag: "ETag",
  "last-modified": "Last-Modified",
  dataserviceid: "DataServiceId",
  dataserviceversion: "DataServiceVersion",
  "content-type": "Content-Type",
  "content-length": "Content-Length",
  "retry-after": "Retry-After",
};

type BodyResult = { ok: true; body: Buffer } | { ok: false };

function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size >= limit) {
        req.off("data", onData);
        req.pause();
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve({ ok: true, body: Buffer.concat(chunks, size) }));
    req.once("error", reject);
  });
}

async function send(res: ServerResponse, response: Response, closeAfter = false): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(HEADER_CASE[name] ?? name, value);
  });
  if (closeAfter) res.setHeader("Connection", "close");
  const body = response.body === null ? Buffer.alloc(0) : Buffer.from(await response.arrayBuffer());
  if (response.status !== 204 && response.status !== 304)
    res.setHeader("Content-Length", body.length);
  res.end(body);
}

function requestUrl(req: IncomingMessage, fallbackHost: string): string {
  const target = req.url ?? "/";
  if (/^https?:\/\//i.test(target)) return target;
  return `http://${req.headers.host ?? fallbackHost}${target.startsWith("/") ? "" : "/"}${target}`;
}

function plainError(req: IncomingMessage, fallbackHost: string, error: ErrorLike) {
  let origin = `http://${fallbackHost}`;
  try {
    origin = new URL(requestUrl(req, fallbackHost)).origin;
  } catch {
    // Keep the fallback origin for a request target that is not a URL.
  }
  const wantsEcho = String(req.headers["return-client-request-id"] ?? "").toLowerCase() === "true";
  const clientRequestId = req.headers["client-request-id"];
  const echoClientRequestId =
    wantsEcho && typeof clientRequestId === "string" ? clientRequestId : undefined;
  return errorResponse({ requestId: randomUUID(), echoClientRequestId, origin }, error);
}

export function createRequestListener(options: BridgeOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const fallbackHost = options.fallbackHost();
    try {
      const limit = options.maxBodyBytes();
      const declared = Number(req.headers["content-length"] ?? Number.NaN);
      if (Number.isFinite(declared) && declared >= limit) {
        await send(res, plainError(req, fallbackHost, requestBodyTooLarge(limit)), true);
        return;
      }
      const method = req.method ?? "GET";
      const hasBody = method !== "GET" && method !== "HEAD";
      const read = hasBody
        ? await readBody(req, limit)
        : ({ ok: true, body: Buffer.alloc(0) } as const);
      if (!read.ok) {
        await send(res, plainError(req, fallbackHost, requestBodyTooLarge(limit)), true);
        return;
      }

      let url: string;
      try {
        url = new URL(requestUrl(req, fallbackHost)).href;
      } catch {
        await send(res, plainError(req, fallbackHost, requestUrlFailedToParse()));
        return;
      }
      const headers = new Headers();
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i]!;
        if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, req.rawHeaders[i + 1]!);
      }
      const request = new Request(url, {
        method,
        headers,
        ...(hasBody && { body: read.body as Uint8Array<ArrayBuffer> }),
      });
      recordReceivedRequest(request, {
        target: req.url ?? "/",
        contentLength: req.headers["content-length"],
      });

      const response = await getResponse(options.handlers() as RequestHandler[], request);
      if (response === undefined) {
        await send(res, plainError(req, fallbackHost, resourceNotFound()));
        return;
      }
      if (response.type === "error") {
        req.socket.destroy();
        return;
      }
      await send(res, response);
    } catch (error) {
      if (res.headersSent) {
        req.socket.destroy();
        return;
      }
      await send(res, plainError(req, fallbackHost, internalError(error))).catch(() =>
        req.socket.destroy(),
      );
    }
  };
}
