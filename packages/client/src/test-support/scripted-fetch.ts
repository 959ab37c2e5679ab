// Test-only: a scripted fake transport. Each call is recorded as the Request the client sent
// (headers copied at send time, body read as text) and answered by the test's script, which may
// return any Response, throw a network error, or hang until the request is aborted.
import { type BatchClientOptions, createBatchClient } from "../client.js";
import { SharedKeyCredential } from "../credentials/shared-key-credential.js";
import type { FetchLike } from "../pipeline.js";

export const devAccount = "devaccount";
export const devKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
export const endpoint = "http://127.0.0.1:9";

export interface Seen {
  request: Request;
  url: URL;
  method: string;
  headers: Headers;
  body: string;
  signal: AbortSignal | undefined;
  index: number;
}

export type Script = (seen: Seen) => Response | Promise<Response>;

export interface ScriptedFetch extends FetchLike {
  calls: Seen[];
}

export function scriptedFetch(script: Script): ScriptedFetch {
  const calls: Seen[] = [];
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const seen: Seen = {
      request,
      url: new URL(request.url),
      method: request.method,
      headers: new Headers(request.headers),
      body: request.body === null ? "" : await request.text(),
      signal: init?.signal ?? undefined,
      index: calls.length,
    };
    calls.push(seen);
    return script(seen);
  };
  return Object.assign(fetchImpl, { calls });
}

/** A JSON response with the headers real answers carry. */
export function json(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      "content-type": "application/json;odata=minimalmetadata",
      "request-id": "00000000-0000-0000-0000-00000000beef",
      ...init.headers,
    },
  });
}

/** An empty answer (201, 202, 204, 200 of delete...). */
export function empty(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, {
    status,
    headers: { "request-id": "00000000-0000-0000-0000-00000000beef", ...headers },
  });
}

/** The service's error body. */
export function serviceErrorResponse(
  status: number,
  code: string,
  message = `${code} happened`,
  headers: Record<string, string> = {},
  values?: { key: string; value: string }[],
): Response {
  return json(
    {
      "odata.metadata":
        "http://127.0.0.1:9/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element",
      code,
      message: { lang: "en-US", value: message },
      ...(values ? { values } : {}),
    },
    { status, headers },
  );
}

/** What fetch throws when the connection fails. */
export function networkError(): TypeError {
  return new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
}

/** Never answers; rejects with the signal's reason once the request is aborted. */
export function hang(seen: Seen): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const { signal } = seen;
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** A client on the dev account over `fetch`, with instant, deterministic retries. */
export function testClient(
  fetch: FetchLike,
  options: Partial<BatchClientOptions> = {},
): ReturnType<typeof createBatchClient> {
  return createBatchClient({
    endpoint,
    credential: new SharedKeyCredential(devAccount, devKey),
    fetch,
    ...options,
    retry:
      options.retry === false
        ? false
        : { sleep: async () => undefined, random: () => 0.5, ...options.retry },
  });
}

/**
 * A 200 whose headers and the first bytes of its body arrive, and then nothing more: the body
 * stream never ends and ignores every signal. `onStall` runs when the reader waits for the
 * bytes that never come.
 */
export function stalledResponse(prefix: string, onStall?: () => void): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(prefix));
    },
    pull() {
      onStall?.();
      return new Promise<void>(() => undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": "application/json", "request-id": "stalled" },
  });
}
