import { getEventListeners } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallContext } from "../pipeline.js";
import { newCallRecord } from "../pipeline.js";
import { RequestHeaders } from "../request-headers.js";
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
});
