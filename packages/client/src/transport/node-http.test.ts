import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createBatchClient } from "../client.js";
import { SharedKeyCredential } from "../credentials/shared-key-credential.js";
import { createBatchClient as createNodeEntryClient } from "../node-client.js";
import { RequestHeaders } from "../request-headers.js";
import { devAccount, devKey } from "../test-support/scripted-fetch.js";
import { BufferedResponse } from "./buffered-response.js";
import { createNodeHttpFetch } from "./node-http.js";

// Every https.Agent made, to check that only a process using https builds one.
const httpsAgents = vi.hoisted(() => [] as object[]);
vi.mock("node:https", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:https")>();
  class CountedAgent extends actual.Agent {
    constructor(...args: ConstructorParameters<typeof actual.Agent>) {
      super(...args);
      httpsAgents.push(this);
    }
  }
  return { ...actual, Agent: CountedAgent };
});

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let base: string;
const received: Received[] = [];
let connections = 0;
const nodeFetch = createNodeHttpFetch();

function route(req: IncomingMessage, body: string, res: ServerResponse): void {
  received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
  const path = req.url!.split("?")[0];
  if (path === "/hang") return; // never answers
  if (path === "/big") {
    res.writeHead(200, { "content-type": "application/json" });
    res.write("x".repeat(600));
    res.end("y".repeat(600));
    return;
  }
  if (path === "/no-content") {
    res.writeHead(204, { "request-id": "r-204" }).end();
    return;
  }
  if (path === "/not-modified") {
    res.writeHead(304, { etag: "0x1" }).end();
    return;
  }
  if (path?.startsWith("/jobs/")) {
    res.writeHead(200, { "content-type": "application/json", "request-id": "r-task", etag: "0x9" });
    res.end(JSON.stringify({ id: "t1", state: "running" }));
    return;
  }
  res.writeHead(201, { "content-type": "text/plain", "x-echo": "yes" });
  res.end(`echo:${body}`);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => route(req, Buffer.concat(chunks).toString("utf8"), res));
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  nodeFetch.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("createNodeHttpFetch", () => {
  it("sends method, path, query, headers and body, and answers with a BufferedResponse", async () => {
    const response = await nodeFetch(`${base}/echo?a=1&b=%27x%27`, {
      method: "POST",
      headers: { "x-test": "1", "content-type": "application/json" },
      body: new TextEncoder().encode('{"ä":1}'),
    });
    expect(response).toBeInstanceOf(BufferedResponse);
    expect(String(response)).toBe("[object Response]");
    expect(response.status).toBe(201);
    expect(response.url).toBe(`${base}/echo?a=1&b=%27x%27`);
    expect(response.headers.get("x-echo")).toBe("yes");
    expect(await response.text()).toBe('echo:{"ä":1}');
    const last = received.at(-1)!;
    expect(last).toMatchObject({ method: "POST", url: "/echo?a=1&b=%27x%27", body: '{"ä":1}' });
    expect(last.headers["content-length"]).toBe("8");
    expect(last.headers["x-test"]).toBe("1");
  });

  it("sends Content-Length: 0 on a bodyless POST and none on a GET", async () => {
    await (await nodeFetch(`${base}/echo`, { method: "POST" })).text();
    expect(received.at(-1)!.headers["content-length"]).toBe("0");
    await (await nodeFetch(`${base}/echo`)).text();
    expect(received.at(-1)!.headers["content-length"]).toBeUndefined();
    expect(received.at(-1)!.headers["transfer-encoding"]).toBeUndefined();
  });

  it("accepts a Request and string bodies", async () => {
    const response = await nodeFetch(new Request(`${base}/echo`, { method: "PUT", body: "hello" }));
    expect(await response.text()).toBe("echo:hello");
    expect(received.at(-1)!.headers["content-type"]).toBe("text/plain;charset=UTF-8");
  });

  it("takes headers as a record, a Headers or name/value pairs, and refuses odd inputs", async () => {
    const asHeaders = new Headers({ "X-Kind": "headers" });
    await (await nodeFetch(`${base}/echo`, { headers: asHeaders })).text();
    expect(received.at(-1)!.headers["x-kind"]).toBe("headers");
    await (await nodeFetch(`${base}/echo`, { headers: [["X-Kind", "pairs"]] })).text();
    expect(received.at(-1)!.headers["x-kind"]).toBe("pairs");
    await (await nodeFetch(new URL(`${base}/echo`), { headers: { "X-Kind": "record" } })).text();
    expect(received.at(-1)!.headers["x-kind"]).toBe("record");
    await expect(nodeFetch({ url: `${base}/echo` } as unknown as Request)).rejects.toThrow(
      TypeError,
    );
  });

  it("gives 204 and 304 a null body", async () => {
    const noContent = await nodeFetch(`${base}/no-content`, { method: "POST" });
    expect([noContent.status, noContent.body]).toEqual([204, null]);
    expect(noContent.headers.get("request-id")).toBe("r-204");
    const notModified = await nodeFetch(`${base}/not-modified`);
    expect([notModified.status, notModified.body]).toEqual([304, null]);
  });

  it("rejects with the signal's reason when aborted, and at once when already aborted", async () => {
    const controller = new AbortController();
    const pending = nodeFetch(`${base}/hang`, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const reason = new Error("stop");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    const before = received.length;
    await expect(nodeFetch(`${base}/echo`, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(received.length).toBe(before);
  });

  it("fails like fetch (a TypeError with the socket error as cause) when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await nodeFetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    // Its own words: no fetch is involved.
    expect((error as TypeError).message).toBe("request failed");
    expect(((error as TypeError).cause as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");
  });

  it("keeps connections alive between requests", async () => {
    const own = createNodeHttpFetch();
    const before = connections;
    for (let i = 0; i < 5; i++) await (await own(`${base}/echo`)).text();
    own.close();
    expect(connections - before).toBe(1);
  });

  it("serves as the client's transport", async () => {
    const client = createBatchClient({
      endpoint: base,
      credential: new SharedKeyCredential(devAccount, devKey),
      fetch: nodeFetch,
    });
    const task = await client.tasks.get("j 1", "t1", { select: "id,state" });
    expect(task).toEqual({ id: "t1", state: "running" });
    expect(task.meta).toMatchObject({ requestId: "r-task", eTag: "0x9" });
    const last = received.at(-1)!;
    expect(last.url).toMatch(/^\/jobs\/j%201\/tasks\/t1\?api-version=[^&]+&\$select=id%2Cstate$/);
    expect(last.headers.authorization).toMatch(/^SharedKey devaccount:/);
    expect(last.headers["ocp-date"]).toMatch(/GMT$/);
  });

  it("cuts off an answer larger than maxResponseBytes, and takes one at the limit", async () => {
    const small = createNodeHttpFetch({ maxResponseBytes: 1000 });
    const error = await small(`${base}/big`).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "BatchError",
      kind: "service",
      code: "ResponseTooLarge",
      status: 200,
    });
    expect((error as Error).message).toContain("1000 bytes");
    const exact = createNodeHttpFetch({ maxResponseBytes: 1200 });
    expect(await (await exact(`${base}/big`)).text()).toHaveLength(1200);
    small.close();
    exact.close();
    const client = createBatchClient({
      endpoint: base,
      credential: new SharedKeyCredential(devAccount, devKey),
      fetch: createNodeHttpFetch({ maxResponseBytes: 10 }),
    });
    await expect(client.tasks.get("j1", "t1")).rejects.toMatchObject({
      kind: "service",
      code: "ResponseTooLarge",
      operation: "Task_Get",
      attempts: 1,
    });
  });

  it("builds the https agent only when an https URL is first used", async () => {
    // Every transport so far (the shared nodeHttpFetch included) has talked http only.
    const own = createNodeHttpFetch();
    for (let i = 0; i < 3; i++) await (await own(`${base}/echo`)).text();
    expect(httpsAgents).toEqual([]);
    // Nothing listens on port 1: the request fails, but only after the agent was made.
    await own("https://127.0.0.1:1/").catch(() => undefined);
    await own("https://127.0.0.1:1/").catch(() => undefined);
    expect(httpsAgents).toHaveLength(1);
    own.close();
  });

  it("gives a Node-entry client's attempts their deadline without an AbortController each", async () => {
    const Original = globalThis.AbortController;
    let made = 0;
    globalThis.AbortController = class extends Original {
      constructor() {
        super();
        made++;
      }
    };
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const client = createNodeEntryClient({
        endpoint: base,
        credential: new SharedKeyCredential(devAccount, devKey),
        fetch: nodeFetch,
        retry: false,
        timeoutMs: 5000,
      });
      for (let i = 0; i < 3; i++) await client.tasks.get("j1", "t1");
      expect(made).toBe(0);
      // The deadline still ends an attempt that gets no answer.
      const before = received.length;
      const pending = client.pipeline
        .send({ method: "GET", url: `${base}/hang`, headers: new RequestHeaders() })
        .catch((e: unknown) => e);
      while (received.length === before) await new Promise((resolve) => setImmediate(resolve));
      vi.advanceTimersByTime(5000);
      expect(await pending).toMatchObject({ name: "BatchError", kind: "timeout" });
      expect(made).toBe(0);
    } finally {
      vi.useRealTimers();
      globalThis.AbortController = Original;
    }
  });
});
