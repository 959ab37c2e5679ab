// The seeded fault injector through the msw handlers, in process: each kind, targeting,
// reproducibility, and the promise that nothing is faulted forever.

import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { batchHandlers } from "../http/batch-handlers.js";
import type { OperationCall } from "../http/operation-middleware.js";
import { signedFetch } from "../http/signed-fetch.fixture.js";
import { type BatchService, createBatchService } from "../service/batch-service.js";
import { createFaultInjector, type FaultEvent, type FaultInjector } from "./fault-injector.js";
import type { FaultOptions } from "./fault-options.js";

const BASE = "https://devaccount.eastus.batch.azure.com";
const V = "api-version=2025-06-01";

const server = setupServer();
let service: BatchService;
let injector: FaultInjector;
let delays: number[];

/** Installs the handlers with a fresh service and an injector with these options. */
function install(options: FaultOptions) {
  // A fixed seed unless a test gives its own, so every run sees the same faults.
  options = { seed: 20250601, ...options };
  service?.dispose();
  service = createBatchService();
  service.addJob({ id: "job1", poolInfo: { poolId: "pool1" } });
  delays = [];
  injector = createFaultInjector(options, {
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  server.resetHandlers(...batchHandlers(service, { baseUrl: BASE, faults: injector }));
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => install({ rate: 0 }));
afterEach(() => service.dispose());

const send = (path: string, init: Parameters<typeof signedFetch>[1] = {}) =>
  signedFetch(`${BASE}${path}${path.includes("?") ? "&" : "?"}${V}`, init);

/** The status, or "dropped" when the connection was dropped (fetch rejects). */
async function outcome(response: Promise<Response>): Promise<number | "dropped"> {
  try {
    return (await response).status;
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return "dropped";
  }
}

const addTask = (id: string, headers: Record<string, string> = {}) =>
  send("/jobs/job1/tasks", { method: "POST", json: { id, commandLine: "x" }, headers });

const addCollection = (ids: string[]) =>
  send("/jobs/job1/addtaskcollection", {
    method: "POST",
    json: { value: ids.map((id) => ({ id, commandLine: "x" })) },
  });

const taskExists = (id: string) => service.listTasks("job1").value.some((task) => task.id === id);

describe("error faults", () => {
  it("500 answers InternalError or OperationTimedOut, and the service is not called", async () => {
    install({ rate: 1, kinds: { "500": 1 }, seed: 1, maxConsecutive: 100 });
    const codes = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const response = await addTask(`t${i}`);
      expect(response.status).toBe(500);
      expect(response.headers.get("retry-after")).toBeNull();
      expect(response.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
      const body = await response.json();
      expect(body["odata.metadata"]).toBe(
        `${BASE}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element`,
      );
      expect(body.message.value).toContain(`RequestId:${response.headers.get("request-id")}`);
      codes.add(body.code);
    }
    expect([...codes].sort()).toEqual(["InternalError", "OperationTimedOut"]);
    expect(service.listTasks("job1").value).toEqual([]);
  });

  it.each([
    ["503", 503, "ServerBusy"],
    ["429", 429, "TooManyRequests"],
  ] as const)("%s answers %i %s with Retry-After", async (kind, status, code) => {
    install({ rate: 1, kinds: { [kind]: 1 }, retryAfterSeconds: 7 });
    const response = await addTask("t1", {
      "client-request-id": "5f0c8a52-0d55-4a43-9f3e-5b3f3c1d2e10",
      "return-client-request-id": "true",
    });
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("client-request-id")).toBe("5f0c8a52-0d55-4a43-9f3e-5b3f3c1d2e10");
    expect(response.headers.get("dataserviceversion")).toBe("3.0");
    expect((await response.json()).code).toBe(code);
    expect(taskExists("t1")).toBe(false);
  });
});

describe("dropped connections", () => {
  it("drop-before: the client gets a network error and nothing happened", async () => {
    install({ rate: 1, kinds: { "drop-before": 1 } });
    expect(await outcome(addTask("t1"))).toBe("dropped");
    expect(taskExists("t1")).toBe(false);
  });

  it("drop-after: the client gets a network error but the task was added", async () => {
    install({ rate: 1, kinds: { "drop-after": 1 }, maxConsecutive: 1 });
    expect(await outcome(addTask("t1"))).toBe("dropped");
    expect(taskExists("t1")).toBe(true);
    // The retry goes through (one fault in a row at most here) and finds the task there.
    const retry = await addTask("t1");
    expect(retry.status).toBe(409);
    expect((await retry.json()).code).toBe("TaskExists");
  });
});

describe("latency", () => {
  it("answers normally after a delay drawn from the range", async () => {
    install({ rate: 1, kinds: { latency: 1 }, latencyMs: [20, 40] });
    for (let i = 0; i < 10; i++) expect((await addTask(`t${i}`)).status).toBe(201);
    expect(delays).toHaveLength(10);
    for (const delay of delays) {
      expect(Number.isInteger(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(20);
      expect(delay).toBeLessThanOrEqual(40);
    }
    expect(injector.events().map((event) => event.delayMs)).toEqual(delays);
  });

  it("waits on setTimeout by default, so fake timers drive it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      const { middleware } = createFaultInjector({
        rate: 1,
        kinds: { latency: 1 },
        latencyMs: 5000,
      });
      const call: OperationCall = {
        operation: "Job_List",
        request: new Request(`${BASE}/jobs?${V}`),
        requestId: "r1",
        params: {},
        query: new Map([["api-version", "2025-06-01"]]),
        conditions: undefined,
        body: undefined,
      };
      let answered = false;
      const answer = Promise.resolve(
        middleware(call, async () => new Response(null, { status: 200 })),
      ).then((response) => {
        answered = true;
        return response;
      });
      await vi.advanceTimersByTimeAsync(4999);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await answer).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("task-servererror", () => {
  it("fails some tasks of a collection, adds the others, and answers in the order sent", async () => {
    install({ rate: 1, kinds: { "task-servererror": 1 }, taskErrorRate: 0.5, seed: 3 });
    const ids = Array.from({ length: 20 }, (_, i) => `t${i}`);
    const response = await addCollection(ids);
    expect(response.status).toBe(200);
    const { value } = (await response.json()) as {
      value: { status: string; taskId: string; error?: { code: string } }[];
    };
    expect(value.map((result) => result.taskId)).toEqual(ids);
    const failed = value.filter((result) => result.status === "servererror");
    const added = value.filter((result) => result.status === "success");
    expect(failed.length).toBeGreaterThan(0);
    expect(added.length).toBeGreaterThan(0);
    expect(failed.length + added.length).toBe(20);
    for (const result of failed) {
      expect(result.error).toMatchObject({ code: "InternalError", message: { lang: "en-US" } });
      expect(taskExists(result.taskId)).toBe(false);
    }
    for (const result of added) expect(taskExists(result.taskId)).toBe(true);
    expect(injector.events()[0]!.taskIds).toEqual(failed.map((result) => result.taskId));
    expect(injector.stats().tasksFaulted).toBe(failed.length);
  });

  it("fails a one-task collection without calling the service", async () => {
    install({ rate: 1, kinds: { "task-servererror": 1 } });
    const response = await addCollection(["only"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json;odata=minimalmetadata");
    expect(response.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({
      "odata.metadata": `${BASE}/$metadata#taskaddresult`,
      value: [
        {
          status: "servererror",
          taskId: "only",
          error: { code: "InternalError", message: { lang: "en-US", value: expect.any(String) } },
        },
      ],
    });
    expect(taskExists("only")).toBe(false);
  });

  it("leaves errors of the whole request as they are", async () => {
    install({ rate: 1, kinds: { "task-servererror": 1 } });
    const missingJob = await send("/jobs/nojob/addtaskcollection", {
      method: "POST",
      json: {
        value: [
          { id: "a", commandLine: "x" },
          { id: "b", commandLine: "x" },
        ],
      },
    });
    expect(missingJob.status).toBe(404);
    expect((await missingJob.json()).code).toBe("JobNotFound");
    // Over 100 tasks the collection is refused as a whole: no task fault may hide that.
    const tooMany = await addCollection(Array.from({ length: 101 }, (_, i) => `t${i}`));
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).code).toBe("InvalidPropertyValue");
    expect(injector.stats().byKind["task-servererror"]).toBe(1);
  });

  it("is only chosen for task collections", async () => {
    install({ rate: 1, kinds: { "task-servererror": 1 } });
    expect((await addTask("t1")).status).toBe(201);
    expect((await send("/jobs/job1/tasks/t1")).status).toBe(200);
    expect(injector.stats()).toMatchObject({ requests: 2, faulted: 0 });
  });
});

describe("targeting", () => {
  it("faults only the operations listed", async () => {
    install({ operations: { Task_AddCollection: { rate: 1, kinds: { "503": 1 } } } });
    for (let i = 0; i < 5; i++) {
      expect((await addTask(`t${i}`)).status).toBe(201);
      expect((await send(`/jobs/job1/tasks/t${i}`)).status).toBe(200);
      expect((await send("/jobs/job1/tasks")).status).toBe(200);
    }
    expect((await addCollection(["c1"])).status).toBe(503);
    expect(injector.stats().byOperation).toEqual({ Task_AddCollection: { "503": 1 } });
  });

  it("only faults requests that pass the request checks", async () => {
    install({ rate: 1, kinds: { "503": 1 } });
    const unsigned = await fetch(`${BASE}/jobs?${V}`);
    expect(unsigned.status).toBe(403);
    const badVersion = await signedFetch(`${BASE}/jobs?api-version=1999-01-01`);
    expect(badVersion.status).toBe(400);
    expect(injector.stats()).toMatchObject({ requests: 0, faulted: 0 });
  });

  it("takes settings, an injector or a middleware as the handlers' faults option", async () => {
    server.resetHandlers(
      ...batchHandlers(service, { baseUrl: BASE, faults: { rate: 1, kinds: { "429": 1 } } }),
    );
    expect((await send("/jobs")).status).toBe(429);
    server.resetHandlers(
      ...batchHandlers(service, {
        baseUrl: BASE,
        faults: () => new Response(null, { status: 418 }),
      }),
    );
    expect((await send("/jobs")).status).toBe(418);
  });
});

describe("reproducibility", () => {
  /** A fixed mixed sequence of requests; what each answered, and the fault log. */
  async function scenario(options: FaultOptions, withReads: boolean) {
    install(options);
    const seen: (number | "dropped")[] = [];
    for (let i = 0; i < 30; i++) {
      seen.push(await outcome(addTask(`t${i}`)));
      if (withReads) seen.push(await outcome(send(`/jobs/job1/tasks/t${i}`)));
      if (i % 5 === 0) {
        const response = await addCollection([`c${i}a`, `c${i}b`, `c${i}c`, `c${i}d`]).catch(
          () => undefined,
        );
        seen.push(response?.status ?? "dropped");
        if (response?.status === 200) {
          seen.push(...(await response.json()).value.map((r: { status: string }) => r.status));
        }
      }
    }
    const events = injector.events().map(({ requestId: _, ...event }) => event);
    return { seen, events, stats: injector.stats() };
  }

  it("gives the same faults for the same seed and requests", async () => {
    const options: FaultOptions = { rate: 0.5, seed: 1234 };
    const first = await scenario(options, true);
    const second = await scenario(options, true);
    expect(second).toEqual(first);
    expect(first.stats.faulted).toBeGreaterThan(10);
    expect(new Set(first.events.map((event) => event.kind)).size).toBeGreaterThan(3);
    const other = await scenario({ ...options, seed: 4321 }, true);
    expect(other.events).not.toEqual(first.events);
  });

  it("gives a targeted operation the same faults whatever other requests come between", async () => {
    const options: FaultOptions = { seed: 99, operations: { Task_AddCollection: { rate: 0.6 } } };
    const collectionEvents = (events: Omit<FaultEvent, "requestId">[]) =>
      events.map(({ sequence: _, ...event }) => event);
    const alone = await scenario(options, false);
    const mixed = await scenario(options, true);
    expect(collectionEvents(mixed.events)).toEqual(collectionEvents(alone.events));
    expect(alone.events.length).toBeGreaterThan(0);
  });
});

describe("never faulting forever", () => {
  it("lets the same request through after maxConsecutive faults in a row", async () => {
    install({ rate: 1, kinds: { "503": 1 }, maxConsecutive: 3 });
    const statuses: number[] = [];
    // A client that keeps no client-request-id across retries: known by its content.
    for (let i = 0; i < 8; i++) statuses.push((await send("/jobs")).status);
    expect(statuses).toEqual([503, 503, 503, 200, 503, 503, 503, 200]);
    expect(injector.stats()).toMatchObject({ requests: 8, faulted: 6, spared: 2 });
  });

  it("knows a retry by its client-request-id even if its content changed", async () => {
    install({ rate: 1, kinds: { "500": 1 }, maxConsecutive: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await send(`/jobs?maxresults=${i + 1}`, {
        headers: { "client-request-id": "11111111-2222-4333-8444-555555555555" },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([500, 500, 200]);
  });

  it("finishes a client that retries every fault of every kind", async () => {
    install({ rate: 1, seed: 5, maxConsecutive: 3, kinds: { "task-servererror": 0 } });
    for (let i = 0; i < 25; i++) {
      let attempts = 0;
      for (;;) {
        attempts++;
        const result = await outcome(addTask(`t${i}`));
        if (result === 201 || (result === 409 && taskExists(`t${i}`) && attempts > 1)) break;
        expect([500, 503, 429, "dropped"]).toContain(result);
      }
      expect(attempts).toBeLessThanOrEqual(4);
    }
    expect(service.listTasks("job1").value).toHaveLength(25);
  });

  it("adds every task of a collection whose client retries servererror tasks (as az does)", async () => {
    install({ rate: 1, kinds: { "task-servererror": 1 }, taskErrorRate: 1, maxConsecutive: 3 });
    let pending = Array.from({ length: 50 }, (_, i) => `t${i}`);
    let rounds = 0;
    while (pending.length > 0) {
      rounds++;
      expect(rounds).toBeLessThanOrEqual(4);
      // az takes the chunk off the end of its queue: the order changes between attempts.
      const response = await addCollection([...pending].reverse());
      expect(response.status).toBe(200);
      const { value } = (await response.json()) as { value: { status: string; taskId: string }[] };
      pending = value.filter((r) => r.status === "servererror").map((r) => r.taskId);
    }
    expect(rounds).toBe(4);
    expect(service.listTasks("job1").value).toHaveLength(50);
    expect(injector.stats().spared).toBe(1);
  });

  it("limits the servererror streak of each task id, also across different collections", async () => {
    install({ rate: 1, kinds: { "task-servererror": 1 }, taskErrorRate: 1, maxConsecutive: 2 });
    const statusOf = async (ids: string[]) => {
      const { value } = (await (await addCollection(ids)).json()) as {
        value: { status: string; taskId: string }[];
      };
      return Object.fromEntries(value.map((r) => [r.taskId, r.status]));
    };
    expect(await statusOf(["a"])).toEqual({ a: "servererror" });
    expect(await statusOf(["a"])).toEqual({ a: "servererror" });
    // "a" is at its limit and goes through; the others may still fail.
    expect(await statusOf(["b", "A", "c"])).toEqual({
      b: "servererror",
      A: "success",
      c: "servererror",
    });
  });

  it("keeps a task of a collection of several for the service", async () => {
    install({ rate: 1, kinds: { "task-servererror": 1 }, taskErrorRate: 1, seed: 8 });
    const response = await addCollection(["a", "b", "c"]);
    const { value } = (await response.json()) as { value: { status: string }[] };
    expect(value.filter((r) => r.status === "success")).toHaveLength(1);
    expect(value.filter((r) => r.status === "servererror")).toHaveLength(2);
  });
});

describe("stats and events", () => {
  it("counts by kind and operation, and logs what each fault hit", async () => {
    install({
      seed: 11,
      operations: {
        Task_Add: { rate: 1, kinds: { "503": 1 } },
        Task_Get: { rate: 1, kinds: { "drop-before": 1 } },
      },
      maxConsecutive: 10,
    });
    const add = await addTask("t1");
    await outcome(send("/jobs/job1/tasks/t1"));
    await send("/jobs");
    expect(injector.stats()).toEqual({
      seed: 11,
      requests: 3,
      faulted: 2,
      spared: 0,
      tasksFaulted: 0,
      byKind: {
        "500": 0,
        "503": 1,
        "429": 0,
        latency: 0,
        "drop-before": 1,
        "drop-after": 0,
        "task-servererror": 0,
      },
      byOperation: { Task_Add: { "503": 1 }, Task_Get: { "drop-before": 1 } },
    });
    expect(injector.events()).toEqual([
      {
        sequence: 1,
        operation: "Task_Add",
        kind: "503",
        code: "ServerBusy",
        requestId: add.headers.get("request-id"),
        method: "POST",
        path: "/jobs/job1/tasks",
      },
      {
        sequence: 2,
        operation: "Task_Get",
        kind: "drop-before",
        requestId: expect.any(String),
        method: "GET",
        path: "/jobs/job1/tasks/t1",
      },
    ]);
  });
});
