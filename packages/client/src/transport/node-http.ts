// A fetch-compatible transport over node:http/node:https with keep-alive agents, for Node
// processes where the global fetch is the bottleneck (its first use costs ~120 ms in a
// short-lived CLI, and it spends more CPU per request). Exported as `@batch/client/node-http`;
// the main entry never imports it, so the client still bundles for browsers.
import * as http from "node:http";
import * as https from "node:https";

export interface NodeHttpFetchOptions {
  /** Reuse connections between requests (default true). */
  keepAlive?: boolean;
  /** Connections per host (default Infinity, as Node's agents). */
  maxSockets?: number;
}

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
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  const nodeFetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    const method = (init.method ?? request?.method ?? "GET").toUpperCase();
    const headers = new Headers(init.headers ?? request?.headers);
    const signal = init.signal ?? request?.signal ?? undefined;
    const body = await bodyBytes(init.body !== undefined ? init.body : request?.body, headers);

    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new TypeError(`node-http fetch supports http and https, not ${url.protocol}`);
    }
    signal?.throwIfAborted();

    const outgoing: Record<string, string> = {};
    headers.forEach((value, name) => {
      outgoing[name] = value;
    });
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
          agent: secure ? httpsAgent : httpAgent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", (error) =>
            finish(() => reject(new TypeError("fetch failed", { cause: error }))),
          );
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            const responseHeaders = new Headers();
            const raw = res.rawHeaders;
            for (let i = 0; i + 1 < raw.length; i += 2)
              responseHeaders.append(raw[i]!, raw[i + 1]!);
            const noBody = nullBodyStatuses.has(status) || method === "HEAD";
            finish(() =>
              resolve(
                new Response(noBody ? null : Buffer.concat(chunks), {
                  status,
                  statusText: res.statusMessage ?? "",
                  headers: responseHeaders,
                }),
              ),
            );
          });
        },
      );
      req.on("error", (error) =>
        finish(() => reject(new TypeError("fetch failed", { cause: error }))),
      );
      signal?.addEventListener("abort", onAbort, { once: true });
      req.end(body);
    });
  };

  return Object.assign(nodeFetch, {
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  });
}

/** A shared keep-alive instance: `createBatchClient({ fetch: nodeHttpFetch, ... })`. */
export const nodeHttpFetch: NodeHttpFetch = createNodeHttpFetch();

async function bodyBytes(
  body: BodyInit | ReadableStream | null | undefined,
  headers: Headers,
): Promise<Uint8Array | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") {
    if (!headers.has("content-type")) headers.set("content-type", "text/plain;charset=UTF-8");
    return body === "" ? undefined : Buffer.from(body, "utf8");
  }
  if (body instanceof Uint8Array) return body.byteLength === 0 ? undefined : body;
  if (body instanceof ArrayBuffer) return body.byteLength === 0 ? undefined : new Uint8Array(body);
  // Blobs, streams, form data: let the platform serialize them (and pick their content type).
  const converted = new Response(body as BodyInit);
  const type = converted.headers.get("content-type");
  if (type !== null && !headers.has("content-type")) headers.set("content-type", type);
  const bytes = new Uint8Array(await converted.arrayBuffer());
  return bytes.byteLength === 0 ? undefined : bytes;
}
