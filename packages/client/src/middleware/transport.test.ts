import { getEventListeners } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchError } from "../errors.js";
import type { CallContext } from "../pipeline.js";
import { newCallRecord } from "../pipeline.js";
import { RequestHeaders } from "../request-headers.js";
import { stalledResponse } from "../test-support/scripted-fetch.js";
import { buffersBody } from "../transport/buffers-body.js";
import { createNodeHttpFetch } from "../transport/node-http.js";
import { releasesSignal } from "../transport/releases-signal.js";
import { transportStep } from "./transport.js";

const context = (signal: AbortSignal | undefined): CallContext => ({
  operation: "Task_Get",
  signal,
  attemptSignal: undefined,
  body: undefined,
  attempt: 1,
  record: newCallRecord(),
});
const request = () => ({
  method: "GET",
  url: "http://127.0.0.1:9/x",
  headers: new RequestHeaders(),
});

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((_req, res) => res.end("{}"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("transportStep", () => {
  it("gives an unmarked fetch a child of the caller's signal, unlinked after the attempt", async () => {
    const caller = new AbortController();
    const seen: (AbortSignal | null | undefined)[] = [];
    const send = transportStep(async (_input, init) => {
      seen.push(init?.signal);
      return new Response("{}");
    });
    await send(request(), context(caller.signal));
    expect(seen[0]).toBeInstanceOf(AbortSignal);
    expect(seen[0]).not.toBe(caller.signal);
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
  });

  it("hands a fetch marked as releasing its listeners the caller's signal itself", async () => {
    const caller = new AbortController();
    const seen: (AbortSignal | null | undefined)[] = [];
    const marked = Object.assign(
      async (_input: string | URL | Request, init?: RequestInit) => {
        seen.push(init?.signal);
        return new Response("{}");
      },
      { [releasesSignal]: true as const },
    );
    await transportStep(marked)(request(), context(caller.signal));
    expect(seen).toEqual([caller.signal]);
  });

  it("leaves no listener on a shared signal after many calls over the node:http transport", async () => {
    const caller = new AbortController();
    const nodeFetch = createNodeHttpFetch();
    const send = transportStep(nodeFetch);
    for (let i = 0; i < 20; i++) {
      const response = await send({ ...request(), url: `${base}/x` }, context(caller.signal));
      await response.text();
    }
    nodeFetch.close();
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
  });

  it("keeps the caller's signal linked while it reads the body: an abort stops a stalled body", async () => {
    const caller = new AbortController();
    const given: (AbortSignal | null | undefined)[] = [];
    const send = transportStep(async (_input, init) => {
      given.push(init?.signal);
      return stalledResponse('{"value":[', () => caller.abort(new Error("enough")));
    });
    const error = await send(request(), context(caller.signal)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "BatchError", kind: "aborted", operation: "Task_Get" });
    // the signal the fetch was given (a child of the caller's) aborted too
    expect(given[0]?.reason).toMatchObject({ message: "enough" });
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
  });

  it("answers with the whole body in memory, and leaves a marked transport's answer alone", async () => {
    const streamed = new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          controller.enqueue(new TextEncoder().encode('"t1"}'));
          controller.close();
        },
      }),
      { status: 201, statusText: "Created", headers: { etag: "0x1" } },
    );
    const answer = await transportStep(async () => streamed)(request(), context(undefined));
    expect(answer).not.toBe(streamed);
    expect(streamed.bodyUsed).toBe(true);
    expect([answer.status, answer.statusText, answer.headers.get("etag")]).toEqual([
      201,
      "Created",
      "0x1",
    ]);
    expect(await answer.text()).toBe('{"id":"t1"}');

    const own = new Response("{}");
    const marked = Object.assign(async () => own, { [buffersBody]: true as const });
    expect(await transportStep(marked)(request(), context(undefined))).toBe(own);
  });

  it("tells an aborted call from a network failure by the caller's signal, by itself", async () => {
    // Without a retry step around it: what the logging step and a pipeline without retries see.
    const caller = new AbortController();
    const failing = transportStep(async () => {
      caller.abort();
      throw new TypeError("fetch failed");
    });
    await expect(failing(request(), context(caller.signal))).rejects.toMatchObject({
      kind: "aborted",
    });
    const broken = transportStep(async () => {
      throw new TypeError("fetch failed", { cause: new Error("socket hang up") });
    });
    await expect(broken(request(), context(new AbortController().signal))).rejects.toMatchObject({
      kind: "network",
      message: "Task_Get got no answer: fetch failed (socket hang up)",
    });
  });

  it("passes a transport's own BatchError on with the call's details, not as a network error", async () => {
    const send = transportStep(async () => {
      throw new BatchError({
        kind: "service",
        code: "ResponseTooLarge",
        status: 200,
        message: "big",
      });
    });
    await expect(send(request(), context(undefined))).rejects.toMatchObject({
      name: "BatchError",
      kind: "service",
      code: "ResponseTooLarge",
      status: 200,
      operation: "Task_Get",
      attempts: 0,
    });
  });
});
