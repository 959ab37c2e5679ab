// The emulator over loopback: real HTTP requests to startEmulator on a free port.

import { Agent, request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "../dev-account.js";
import { signedFetch, signHeaders } from "../http/signed-fetch.fixture.js";
import { createStepTimers } from "../service/step-timers.fixture.js";
import { type Emulator, type EmulatorOptions, startEmulator } from "./start-emulator.js";

const V = "api-version=2025-06-01";
let emulator: Emulator | undefined;

async function start(options: EmulatorOptions = {}): Promise<Emulator> {
  emulator = await startEmulator({ executor: "manual", ...options });
  return emulator;
}

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  reusedSocket: boolean;
}

/** A request sent with node:http, so the request target goes out exactly as written. */
function raw(
  url: string,
  target: string,
  init: {
    method?: string;
    headers?: Headers | Record<string, string>;
    body?: string | Buffer;
    agent?: Agent;
  } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  const headers =
    init.headers instanceof Headers ? Object.fromEntries(init.headers) : (init.headers ?? {});
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        path: target,
        method: init.method ?? "GET",
        headers,
        ...(init.agent && { agent: init.agent }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            reusedSocket: req.reusedSocket,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

describe("startEmulator", () => {
  it("listens on a free loopback port with the development account", async () => {
    const { url, account, key } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(account).toBe(DEV_ACCOUNT_NAME);
    expect(key).toBe(DEV_ACCOUNT_KEY);
  });

  it("serves the operations over HTTP with the service's statuses and headers", async () => {
    const { url } = await start();
    const job = await signedFetch(`${url}/jobs?${V}`, {
      method: "POST",
      json: { id: "j1", poolInfo: { poolId: "p" } },
    });
    expect(job.status).toBe(201);
    const added = await signedFetch(`${url}/jobs/j1/tasks?${V}`, {
      method: "POST",
      json: { id: "t1", commandLine: "x" },
    });
    expect(added.status).toBe(201);
    expect(added.headers.get("dataserviceid")).toBe(`${url}/jobs/j1/tasks/t1`);
    const got = await signedFetch(`${url}/jobs/j1/tasks/t1?${V}`);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/json;odata=minimalmetadata");
    const body = await got.json();
    expect(body).toMatchObject({
      "odata.metadata": `${url}/$metadata#tasks/@Element`,
      id: "t1",
      url: `${url}/jobs/j1/tasks/t1`,
    });
    const missing = await signedFetch(`${url}/jobs/j1/tasks/nope?${V}`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).code).toBe("TaskNotFound");
    expect((await fetch(`${url}/jobs?${V}`)).status).toBe(403);
  });

  it("writes response headers in the service's spelling", async () => {
    const { url } = await start();
    const target = `/jobs?${V}`;
    const body = JSON.stringify({ id: "j1", poolInfo: { poolId: "p" } });
    const headers = signHeaders("POST", `${url}${target}`, {
      headers: { "content-type": "application/json", "content-length": String(body.length) },
      body,
    });
    const response = await raw(url, target, { method: "POST", headers, body });
    expect(response.status).toBe(201);
    const names = await new Promise<string[]>((resolve, reject) => {
      const req = httpRequest(
        `${url}/jobs/j1?${V}`,
        { headers: Object.fromEntries(signHeaders("GET", `${url}/jobs/j1?${V}`, {})) },
        (res) => {
          res.resume();
          resolve(res.rawHeaders.filter((_, i) => i % 2 === 0));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(names).toEqual(
      expect.arrayContaining([
        "request-id",
        "DataServiceVersion",
        "ETag",
        "Last-Modified",
        "Content-Type",
      ]),
    );
  });

  it("verifies signatures over the request target exactly as sent", async () => {
    const { url, service } = await start();
    service.addJob({ id: "job-1", poolInfo: { poolId: "p" } });
    service.addTask("job-1", { id: "t_1", commandLine: "x" });
    // Raw quotes and commas in the query, an encoded '-' and '_' in the path: a fetch URL would
    // re-encode some of them, but the client signed these bytes.
    const target = `/jobs/job%2D1/tasks?${V}&$filter=state%20eq%20'active'&$select=id,state`;
    const headers = signHeaders("GET", `${url}${target}`, {});
    const response = await raw(url, target, { headers });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).value).toEqual([{ id: "t_1", state: "active" }]);
    const single = `/jobs/job%2D1/tasks/t%5F1?${V}`;
    expect(
      (await raw(url, single, { headers: signHeaders("GET", `${url}${single}`, {}) })).status,
    ).toBe(200);
  });

  it("uses the Content-Length as received for the signature", async () => {
    const { url, service } = await start();
    service.addJob({ id: "j1", poolInfo: { poolId: "p" } });
    for (const id of ["a", "b", "c"]) service.addTask("j1", { id, commandLine: "x" });
    // az sends and signs "Content-Length: 0" on a bodyless DELETE; @azure/batch sends none.
    const withZero = `/jobs/j1/tasks/a?${V}`;
    const azStyle = signHeaders("DELETE", `${url}${withZero}`, {
      headers: { "content-length": "0" },
    });
    expect((await raw(url, withZero, { method: "DELETE", headers: azStyle })).status).toBe(200);
    const without = `/jobs/j1/tasks/b?${V}`;
    const jsStyle = signHeaders("DELETE", `${url}${without}`, {});
    jsStyle.delete("content-length");
    expect((await raw(url, without, { method: "DELETE", headers: jsStyle })).status).toBe(200);
    // Signed for a different length than the one sent: refused.
    const body = JSON.stringify({ constraints: {} });
    const target = `/jobs/j1/tasks/c?${V}`;
    const wrong = signHeaders("PUT", `${url}${target}`, {
      headers: { "content-type": "application/json", "content-length": String(body.length + 1) },
    });
    wrong.set("content-length", String(body.length));
    expect((await raw(url, target, { method: "PUT", headers: wrong, body })).status).toBe(403);
  });

  it("keeps connections alive between requests", async () => {
    const { url } = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const target = `/jobs?${V}`;
      const first = await raw(url, target, {
        headers: signHeaders("GET", `${url}${target}`, {}),
        agent,
      });
      const second = await raw(url, target, {
        headers: signHeaders("GET", `${url}${target}`, {}),
        agent,
      });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.reusedSocket).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it("refuses a body of 1 MB or more with 413 without reading it all", async () => {
    const { url, service } = await start();
    service.addJob({ id: "j1", poolInfo: { poolId: "p" } });
    const target = `/jobs/j1/addtaskcollection?${V}`;
    const declared = await raw(url, target, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": String(2 * 1024 * 1024),
        "client-request-id": "0b9c2f5e-3c1d-4a55-9d8e-1f2a3b4c5d6e",
        "return-client-request-id": "true",
      },
      body: "{",
    }).catch(
      (error: unknown): RawResponse => ({
        status: -1,
        body: String(error),
        headers: {},
        reusedSocket: false,
      }),
    );
    expect(declared.status).toBe(413);
    expect(declared.headers["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(declared.headers["client-request-id"]).toBe("0b9c2f5e-3c1d-4a55-9d8e-1f2a3b4c5d6e");
    expect(JSON.parse(declared.body).code).toBe("RequestBodyTooLarge");
    const chunked = await raw(url, target, {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: Buffer.alloc(1024 * 1024 + 10, 0x20),
    });
    expect(chunked.status).toBe(413);
    expect(chunked.headers.connection).toBe("close");
  });

  it("drops the connection when a handler answers Response.error()", async () => {
    const { url } = await start({ faults: () => Response.error() });
    await expect(signedFetch(`${url}/jobs?${V}`)).rejects.toThrow();
  });

  it("drops the connection after applying the change when the middleware says so", async () => {
    const { url, service } = await start({
      faults: async (call, next) => {
        const response = await next();
        return call.operation === "Job_Add" ? Response.error() : response;
      },
    });
    await expect(
      signedFetch(`${url}/jobs?${V}`, {
        method: "POST",
        json: { id: "lost", poolInfo: { poolId: "p" } },
      }),
    ).rejects.toThrow();
    expect(service.getJob("lost").body.id).toBe("lost");
  });

  it("injects seeded faults from settings and exposes their log", async () => {
    const started = await start({ faults: { rate: 1, kinds: { "503": 1 }, seed: 42 } });
    const response = await signedFetch(`${started.url}/jobs?${V}`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect((await response.json()).code).toBe("ServerBusy");
    expect(started.faults?.seed).toBe(42);
    expect(started.faults?.stats()).toMatchObject({ requests: 1, faulted: 1 });
    expect(started.faults?.events()[0]).toMatchObject({ operation: "Job_List", kind: "503" });
  });

  it("has no fault log without faults, or with a middleware of its own", async () => {
    expect((await start()).faults).toBeUndefined();
    await emulator?.close();
    expect((await start({ faults: (_call, next) => next() })).faults).toBeUndefined();
  });

  it("refuses bad fault settings before listening", async () => {
    await expect(startEmulator({ faults: { rate: 2 } })).rejects.toThrow(
      "faults.rate must be a number between 0 and 1, not 2",
    );
  });

  it("drop-before destroys the socket without an answer, and nothing is added", async () => {
    const { url, service } = await start({ faults: { rate: 1, kinds: { "drop-before": 1 } } });
    service.addJob({ id: "j1", poolInfo: { poolId: "p" } });
    const target = `/jobs/j1/tasks?${V}`;
    const body = JSON.stringify({ id: "t1", commandLine: "x" });
    const headers = signHeaders("POST", `${url}${target}`, {
      headers: { "content-type": "application/json", "content-length": String(body.length) },
      body,
    });
    const error = await raw(url, target, { method: "POST", headers, body }).then(
      () => undefined,
      (reason: NodeJS.ErrnoException) => reason,
    );
    expect(error?.code).toBe("ECONNRESET");
    expect(service.listTasks("j1").value).toEqual([]);
  });

  it("drop-after applies the change, then destroys the socket", async () => {
    const { url, service } = await start({ faults: { rate: 1, kinds: { "drop-after": 1 } } });
    service.addJob({ id: "j1", poolInfo: { poolId: "p" } });
    await expect(
      signedFetch(`${url}/jobs/j1/tasks?${V}`, {
        method: "POST",
        json: { id: "t1", commandLine: "x" },
      }),
    ).rejects.toThrow("fetch failed");
    expect(service.getTask("j1", "t1").body.id).toBe("t1");
  });

  it("accepts bearer tokens when configured", async () => {
    const { url } = await start({ bearer: true });
    expect(
      (await fetch(`${url}/jobs?${V}`, { headers: { authorization: "Bearer t" } })).status,
    ).toBe(200);
  });

  it("runs tasks with the simulated executor by default", async () => {
    // The executor waits on the service's timers; these move only when the test says so.
    const step = createStepTimers();
    const { url } = await startEmulator({ service: { timers: step.timers } }).then((started) => {
      emulator = started;
      return started;
    });
    await signedFetch(`${url}/jobs?${V}`, {
      method: "POST",
      json: { id: "j", poolInfo: { poolId: "p" } },
    });
    await signedFetch(`${url}/jobs/j/tasks?${V}`, {
      method: "POST",
      json: { id: "t", commandLine: "x" },
    });
    const stateOf = async () =>
      (await (await signedFetch(`${url}/jobs/j/tasks/t?${V}`)).json()).state;
    expect(await stateOf()).toBe("active");
    step.advance(0);
    expect(await stateOf()).toBe("preparing");
    // Preparing takes 10 ms and a run at most 200 ms by default.
    step.advance(210);
    expect(await stateOf()).toBe("completed");
  });

  it("closes cleanly: idle keep-alive sockets go and new connections are refused", async () => {
    const { url } = await start();
    const agent = new Agent({ keepAlive: true });
    const target = `/jobs?${V}`;
    await raw(url, target, { headers: signHeaders("GET", `${url}${target}`, {}), agent });
    const closing = emulator!.close();
    await closing;
    emulator = undefined;
    await expect(
      raw(url, target, { headers: signHeaders("GET", `${url}${target}`, {}) }),
    ).rejects.toThrow();
    agent.destroy();
  });
});
