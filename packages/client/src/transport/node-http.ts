// A fetch-compatible transport over node:http/node:https with keep-alive agents, for Node
// processes where the global fetch is the bottleneck (its first use costs ~120 ms in a
// short-lived CLI, and it spends more CPU per request). Exported as `@batch/client/node-http`;
// the main entry never imports it, so the client still bundles for browsers.
import * as http from "node:http";
import * as https from "node:https";
import { BatchError } from "../errors.js";
import { BufferedResponse } from "./buffered-response.js";
import { buffersBody } from "./buffers-body.js";
import { startLightDeadline } from "./light-deadline.js";
import { RawHeaders } from "./raw-headers.js";
import { releasesSignal } from "./releases-signal.js";
import { startsDeadlines } from "./starts-deadlines.js";

export interface NodeHttpFetchOptions {
  /** Reuse connections between requests (default true). */
  keepAlive?: boolean;
  /** Connections per host (default Infinity, as Node's agents). */
  maxSockets?: number;
  /**
   * The largest answer body accepted, in bytes (default 64 MiB). A larger one is cut off and the
   * request rejects with a BatchError of kind "service" and code ResponseTooLarge (not retried):
   * the whole body is held in memory, so an endless or hostile answer must not take all of it.
   */
  maxResponseBytes?: number;
}

/** The default `maxResponseBytes`: far above the largest Batch answer (a page of 1,000 tasks). */
export const defaultMaxResponseBytes = 64 * 1024 * 1024;

/** The BatchError for an answer whose body went past `maxResponseBytes`. */
function responseTooLarge(status: number, limit: number): BatchError {
  return new BatchError({
    kind: "service",
    code: "ResponseTooLarge",
    status: status > 0 ? status : undefined,
    message: `the answer's body is larger than maxResponseBytes (${limit} bytes)`,
  });
}

/** Resolves with a BufferedResponse: the whole `Response` interface, not `instanceof Response`. */
export type NodeHttpFetch = ((
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<Response>) & {
  /** Closes the idle keep-alive connections. */
  close(): void;
};

// Statuses whose Response must have a null body.
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

export function createNodeHttpFetch(options: NodeHttpFetchOptions = {}): NodeHttpFetch {
  const agentOptions = {
    keepAlive: options.keepAlive ?? true,
    ...(options.maxSockets === undefined ? {} : { maxSockets: options.maxSockets }),
  };
  const maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;
  // Made on first use of their scheme: a process that only talks http (a loopback emulator)
  // never builds the TLS agent, and one that only talks https never builds the plain one.
  let httpAgent: http.Agent | undefined;
  let httpsAgent: https.Agent | undefined;
  const agentFor = (secure: boolean): http.Agent => {
    if (secure) {
      httpsAgent ??= new https.Agent(agentOptions);
      return httpsAgent;
    }
    httpAgent ??= new http.Agent(agentOptions);
    return httpAgent;
  };

  const nodeFetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    // Strings and URLs are told apart without touching the global Request (see isRequest).
    const request = typeof input === "string" || input instanceof URL ? undefined : input;
    if (request !== undefined && !isRequest(request)) {
      throw new TypeError("node-http fetch takes a URL string, a URL or a Request");
    }
    const url = new URL(request ? request.url : String(input));
    const method = (init.method ?? request?.method ?? "GET").toUpperCase();
    const given = init.headers ?? request?.headers;
    const signal = init.signal ?? request?.signal ?? undefined;
    const rawBody = init.body !== undefined ? init.body : request?.body;
    // Strings and bytes (all the client sends) are taken synchronously.
    const { bytes: body, contentType } =
      typeof rawBody === "string" || rawBody instanceof Uint8Array || rawBody == null
        ? plainBody(rawBody)
        : await convertedBody(rawBody);

    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new TypeError(`node-http fetch supports http and https, not ${url.protocol}`);
    }
    signal?.throwIfAborted();

    const outgoing = outgoingHeaders(given);
    if (contentType !== undefined && outgoing["content-type"] === undefined) {
      outgoing["content-type"] = contentType;
    }
    if (body !== undefined) outgoing["content-length"] = String(body.byteLength);
    else if (method === "POST" || method === "PUT" || method === "PATCH") {
      outgoing["content-length"] = "0";
    }

    const secure = url.protocol === "https:";
    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        outcome();
      };
      const onAbort = () => {
        finish(() => reject(signal?.reason));
        req.destroy();
      };
      const req = (secure ? https : http).request(
        {
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
          port: url.port === "" ? undefined : Number(url.port),
          path: `${url.pathname}${url.search}`,
          method,
          headers: outgoing,
          agent: agentFor(secure),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let received = 0;
          res.on("data", (chunk: Buffer) => {
            received += chunk.byteLength;
            if (received <= maxResponseBytes) {
              chunks.push(chunk);
              return;
            }
            chunks.length = 0;
            const status = res.statusCode ?? 0;
            finish(() => reject(responseTooLarge(status, maxResponseBytes)));
            req.destroy();
          });
          res.on("error", (error) =>
            finish(() => reject(new TypeError("request failed", { cause: error }))),
          );
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            const noBody = nullBodyStatuses.has(status) || method === "HEAD";
            const bytes = noBody ? null : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
            // The pieces are garbage from here on, whatever still refers to this closure.
            chunks.length = 0;
            const response = new BufferedResponse(bytes, {
              status,
              statusText: res.statusMessage ?? "",
              headers: new RawHeaders(res.rawHeaders),
              url: url.href,
            });
            finish(() => resolve(response));
          });
        },
      );
      req.on("error", (error) =>
        finish(() => reject(new TypeError("request failed", { cause: error }))),
      );
      signal?.addEventListener("abort", onAbort, { once: true });
      req.end(body);
    });
  };

  return Object.assign(nodeFetch, {
    close() {
      httpAgent?.destroy();
      httpsAgent?.destroy();
    },
    // Its abort listener goes when the request settles (see `finish`).
    [releasesSignal]: true as const,
    // It resolves only once the whole body is in memory, still under the request's signal.
    [buffersBody]: true as const,
    // It reads only aborted, reason, throwIfAborted and add/removeEventListener of its signal.
    [startsDeadlines]: startLightDeadline,
  });
}

/** A shared keep-alive instance: `createBatchClient({ fetch: nodeHttpFetch, ... })`. */
export const nodeHttpFetch: NodeHttpFetch = createNodeHttpFetch();

/**
 * Whether `value` is a fetch Request. Node 20 loads its fetch implementation (undici: ~50 ms and
 * ~9 MiB of memory) the first time a program touches the global Request, Headers or Response,
 * so this transport and the client's own path never do unless given one: the check looks at the
 * value itself.
 */
function isRequest(value: object): value is Request {
  return (
    Object.prototype.toString.call(value) === "[object Request]" &&
    typeof (value as Request).url === "string"
  );
}

/** Lower-cased header names and values for node:http, from any fetch `headers` value. */
function outgoingHeaders(given: HeadersInit | undefined): Record<string, string> {
  const outgoing: Record<string, string> = {};
  if (given === undefined) return outgoing;
  // A plain record (what the client's pipeline passes) is copied without making a Headers; its
  // values are checked by node:http itself.
  const prototype = Object.getPrototypeOf(given) as unknown;
  if (prototype === Object.prototype || prototype === null) {
    const record = given as Record<string, string>;
    for (const name in record) outgoing[name.toLowerCase()] = String(record[name]);
    return outgoing;
  }
  // A Headers (or anything with its forEach), or name/value pairs.
  const headers =
    typeof (given as Headers).forEach === "function" && !Array.isArray(given)
      ? (given as Headers)
      : new Headers(given);
  headers.forEach((value, name) => {
    outgoing[name.toLowerCase()] = value;
  });
  return outgoing;
}

interface BodyBytes {
  bytes: Uint8Array | undefined;
  /** The content type fetch would give this kind of body when the caller set none. */
  contentType: string | undefined;
}

function plainBody(body: string | Uint8Array | null | undefined): BodyBytes {
  if (typeof body === "string") {
    return {
      bytes: body === "" ? undefined : Buffer.from(body, "utf8"),
      contentType: "text/plain;charset=UTF-8",
    };
  }
  return { bytes: body && body.byteLength > 0 ? body : undefined, contentType: undefined };
}

async function convertedBody(body: BodyInit | ReadableStream): Promise<BodyBytes> {
  // Blobs, streams, form data, ArrayBuffers: let the platform serialize them.
  const converted = new Response(body as BodyInit);
  const bytes = new Uint8Array(await converted.arrayBuffer());
  return {
    bytes: bytes.byteLength > 0 ? bytes : undefined,
    contentType: converted.headers.get("content-type") ?? undefined,
  };
}
