import type { TaskAddParameter, TaskAddResult } from "@batch/types";
import { describe, expect, it, vi } from "vitest";
import { createBatchClient } from "../client.js";
import { isBatchError } from "../errors.js";
import {
  endpoint,
  hang,
  json,
  networkError,
  type Seen,
  scriptedFetch,
  serviceErrorResponse,
  testClient,
} from "../test-support/scripted-fetch.js";
import { utf8ByteLength } from "../utf8-length.js";
import { AddManyError, type AddManyProgress, type TaskAddOutcome } from "./add-many.js";

type Decision = TaskAddResult | "apply" | "skip";

interface FakeOptions {
  /** Per task: what the service answers (default: add it, or TaskExists if present). */
  decide?: (task: TaskAddParameter, request: number, store: Set<string>) => Decision;
  /**
   * Per request: answer without looking at the tasks (e.g. a 503), or "lose" (add them, answer
   * with a broken connection), "hold" (add them, never answer: the request hangs until it is
   * aborted) or "hang" (never answer, add nothing).
   */
  intercept?: (
    tasks: TaskAddParameter[],
    request: number,
    seen: Seen,
  ) => Response | "lose" | "hold" | "hang" | undefined;
}

/** A fake add-collection service with a task store, ids unique ignoring case. */
function fakeCollectionService(options: FakeOptions = {}) {
  const store = new Set<string>();
  const requests: TaskAddParameter[][] = [];
  const apply = (task: TaskAddParameter): TaskAddResult => {
    const key = task.id.toLowerCase();
    if (store.has(key)) {
      return {
        status: "clienterror",
        taskId: task.id,
        error: {
          code: "TaskExists",
          message: { lang: "en-US", value: "The specified task already exists." },
        },
      };
    }
    store.add(key);
    return {
      status: "success",
      taskId: task.id,
      eTag: "0x1",
      location: `http://h/jobs/j1/tasks/${task.id}`,
    };
  };
  const fetch = scriptedFetch((seen) => {
    const tasks = (JSON.parse(seen.body) as { value: TaskAddParameter[] }).value;
    const request = requests.length;
    requests.push(tasks);
    const intercepted = options.intercept?.(tasks, request, seen);
    if (intercepted === "hang") return hang(seen);
    if (intercepted === "lose" || intercepted === "hold") {
      for (const task of tasks) apply(task);
      if (intercepted === "hold") return hang(seen);
      throw networkError();
    }
    if (intercepted) return intercepted;
    const value: TaskAddResult[] = [];
    for (const task of tasks) {
      const decision = options.decide?.(task, request, store) ?? "apply";
      if (decision === "skip") continue;
      value.push(decision === "apply" ? apply(task) : decision);
    }
    // the service may answer in any order
    return json({ value: value.reverse() });
  });
  return { fetch, store, requests };
}

const makeTasks = (n: number, extra: Partial<TaskAddParameter> = {}): TaskAddParameter[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `task-${String(i).padStart(5, "0")}`,
    commandLine: "echo",
    ...extra,
  }));

const instant = { sleep: async () => undefined, random: () => 0 };

describe("tasks.addMany", () => {
  it("sends chunks of at most 100 tasks and reports every task as added", async () => {
    const service = fakeCollectionService();
    const result = await testClient(service.fetch).tasks.addMany("j1", makeTasks(250), {
      concurrency: 1,
    });
    expect(service.requests.map((r) => r.length)).toEqual([100, 100, 50]);
    expect(result).toMatchObject({ total: 250, added: 250, failed: 0 });
    expect(new Set(result.results.map((r) => r.taskId)).size).toBe(250);
    expect(result.results[0]).toMatchObject({
      status: "added",
      attempts: 1,
      reconciled: false,
      eTag: "0x1",
    });
    expect(service.store.size).toBe(250);
    const seen = service.fetch.calls[0]!;
    expect(seen.url.pathname).toBe("/jobs/j1/addtaskcollection");
    expect(seen.headers.get("content-type")).toBe("application/json; odata=minimalmetadata");
  });

  it("keeps every request body under the byte limit", async () => {
    const service = fakeCollectionService();
    const big = "x".repeat(30_000);
    const result = await testClient(service.fetch).tasks.addMany(
      "j1",
      makeTasks(120, { commandLine: big }),
    );
    expect(result.added).toBe(120);
    for (const call of service.fetch.calls)
      expect(utf8ByteLength(call.body)).toBeLessThan(1_000_000);
    expect(Math.max(...service.requests.map((r) => r.length))).toBeLessThan(34);

    const small = fakeCollectionService();
    await testClient(small.fetch).tasks.addMany(
      "j1",
      makeTasks(10, { commandLine: "y".repeat(200) }),
      {
        maxRequestBytes: 1000,
      },
    );
    for (const call of small.fetch.calls)
      expect(utf8ByteLength(call.body)).toBeLessThanOrEqual(1000);
    expect(small.store.size).toBe(10);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const base = fakeCollectionService();
    const fetch = async (input: string | URL | Request, init?: RequestInit) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      try {
        return await base.fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const result = await testClient(fetch).tasks.addMany("j1", makeTasks(1000), { concurrency: 3 });
    expect(result.added).toBe(1000);
    expect(maxInFlight).toBe(3);
  });

  it("isolates the tasks a whole request was refused (400) for: halves go alone until they fail by themselves, the rest are added", async () => {
    const bad = new Set(["task-00037", "task-00180"]);
    const service = fakeCollectionService({
      // The service refuses the whole request when one task in it has a property it rejects.
      intercept: (tasks) =>
        tasks.some((t) => bad.has(t.id))
          ? serviceErrorResponse(
              400,
              "InvalidPropertyValue",
              "The value for one of the properties in the request body is invalid.",
            )
          : undefined,
    });
    const heard: TaskAddOutcome[] = [];
    const result = await testClient(service.fetch).tasks.addMany("j1", makeTasks(250), {
      concurrency: 2,
      onTaskResult: (outcome) => heard.push(outcome),
    });
    expect(result).toMatchObject({ total: 250, added: 248, failed: 2, skipped: 0, unknown: 0 });
    const failed = result.results.filter((r) => r.status === "failed");
    expect(failed.map((r) => r.taskId).sort()).toEqual([...bad]);
    for (const outcome of failed) {
      expect(outcome.error).toMatchObject({
        kind: "service",
        status: 400,
        code: "InvalidPropertyValue",
      });
      expect(outcome.attempts).toBeGreaterThan(1);
    }
    expect(service.store.size).toBe(248);
    expect([...bad].some((id) => service.store.has(id))).toBe(false);
    // Halving finds each task in about log2(100) + 1 requests, not one request per task.
    expect(service.requests.length).toBeLessThan(40);
    expect(heard).toHaveLength(250);
  });

  it("stops on a 400 about the request rather than its tasks (a query parameter, a header)", async () => {
    const service = fakeCollectionService({
      intercept: () => serviceErrorResponse(400, "InvalidQueryParameterValue", "bad timeout"),
    });
    const error = (await testClient(service.fetch)
      .tasks.addMany("j1", makeTasks(250), { concurrency: 1 })
      .catch((e: unknown) => e)) as AddManyError;
    expect(error).toBeInstanceOf(AddManyError);
    expect(error).toMatchObject({ status: 400, code: "InvalidQueryParameterValue" });
    expect(service.requests).toHaveLength(1);
    expect(error.result).toMatchObject({ total: 100, failed: 100, inputExhausted: false });
  });

  it("packs the tasks of a request refused as too large again, below half its size", async () => {
    const service = fakeCollectionService({
      intercept: (tasks) =>
        tasks.length > 25
          ? serviceErrorResponse(413, "RequestBodyTooLarge", "too large")
          : undefined,
    });
    const result = await testClient(service.fetch).tasks.addMany("j1", makeTasks(100), {
      concurrency: 1,
    });
    expect(result).toMatchObject({ added: 100, failed: 0 });
    // 100 refused; the same tasks again under half its size (49), refused; then under a quarter
    const sizes = service.requests.map((r) => r.length);
    expect(sizes.slice(0, 3)).toEqual([100, 49, 24]);
    expect(sizes.slice(2).every((n) => n <= 24)).toBe(true);
    // a 413 is no try: every task was added on its first accepted send, none reconciled
    expect(result.results.every((r) => !r.reconciled)).toBe(true);
  });

  it("keeps every later request below half the size of one refused as too large", async () => {
    // 300 tasks of about 3 KB: requests of 100 tasks, about 300 KB each, until a 413
    const tasks = makeTasks(300, { commandLine: "c".repeat(3000) });
    let refused = 0;
    const service = fakeCollectionService({
      intercept: (_t, request, seen) => {
        if (request !== 1) return undefined;
        refused = utf8ByteLength(seen.body);
        return serviceErrorResponse(413, "RequestBodyTooLarge", "too large");
      },
    });
    const result = await testClient(service.fetch).tasks.addMany("j1", tasks, { concurrency: 1 });
    expect(result).toMatchObject({ added: 300, failed: 0 });
    const bodies = service.fetch.calls.map((c) => utf8ByteLength(c.body));
    expect(bodies[0]).toBeGreaterThan(250_000);
    expect(bodies[1]).toBe(refused);
    // the refused tasks and every new request after them: at most half the refused body
    expect(bodies.slice(2).every((n) => n <= Math.floor(refused / 2))).toBe(true);
    expect(bodies.length).toBeGreaterThan(4);
  });

  it("fails a single task that is too large on its own, and adds the rest", async () => {
    const service = fakeCollectionService({
      intercept: (tasks) =>
        tasks.some((t) => t.id === "task-00007")
          ? serviceErrorResponse(413, "RequestBodyTooLarge", "too large")
          : undefined,
    });
    const result = await testClient(service.fetch).tasks.addMany("j1", makeTasks(20));
    expect(result).toMatchObject({ added: 19, failed: 1 });
    const failed = result.results.find((r) => r.status === "failed")!;
    expect(failed.taskId).toBe("task-00007");
    expect(failed.error).toMatchObject({ status: 413, code: "RequestBodyTooLarge" });
  });

  it("resends servererror tasks with the same ids and the same bodies", async () => {
    const service = fakeCollectionService({
      decide: (task, request) =>
        request === 0 && task.id.endsWith("3")
          ? { status: "servererror", taskId: task.id, error: { code: "ServerBusy" } }
          : "apply",
    });
    const tasks = makeTasks(40);
    const result = await testClient(service.fetch).tasks.addMany("j1", tasks, { ...instant });
    expect(result).toMatchObject({ added: 40, failed: 0 });
    const resent = service.requests[1]!;
    expect(resent.map((t) => t.id).sort()).toEqual([
      "task-00003",
      "task-00013",
      "task-00023",
      "task-00033",
    ]);
    expect(resent.find((t) => t.id === "task-00003")).toEqual(tasks[3]);
    expect(result.results.find((r) => r.taskId === "task-00013")).toMatchObject({ attempts: 2 });
  });

  it("counts TaskExists met on a retry as added, after a lost answer or a servererror", async () => {
    // the first request is applied but its answer is lost; the pipeline retries it
    const lost = fakeCollectionService({
      intercept: (_t, request) => (request === 0 ? "lose" : undefined),
    });
    const lostResult = await testClient(lost.fetch).tasks.addMany("j1", makeTasks(10));
    expect(lostResult).toMatchObject({ added: 10, failed: 0 });
    expect(lostResult.results.every((r) => r.reconciled && r.attempts === 2)).toBe(true);

    // the service applied a task yet reported servererror; the resend meets TaskExists
    const odd = fakeCollectionService({
      decide: (task, request, store) => {
        if (request === 0 && task.id === "task-00002") {
          store.add(task.id);
          return { status: "servererror", taskId: task.id };
        }
        return "apply";
      },
    });
    const oddResult = await testClient(odd.fetch).tasks.addMany("j1", makeTasks(5), { ...instant });
    expect(oddResult).toMatchObject({ added: 5, failed: 0 });
    expect(oddResult.results.find((r) => r.taskId === "task-00002")).toMatchObject({
      status: "added",
      reconciled: true,
      attempts: 2,
    });
  });

  it("fails TaskExists met on a task's first send: it is a real conflict", async () => {
    const service = fakeCollectionService();
    service.store.add("task-00001");
    const result = await testClient(service.fetch).tasks.addMany("j1", makeTasks(3));
    expect(result).toMatchObject({ added: 2, failed: 1 });
    const failed = result.results.find((r) => r.status === "failed")!;
    expect(failed).toMatchObject({ taskId: "task-00001", attempts: 1, reconciled: false });
    expect(failed.error).toMatchObject({
      kind: "service",
      code: "TaskExists",
      operation: "Task_AddCollection",
    });
  });

  it("resends a request that failed after the pipeline's own retries, keeping the ids", async () => {
    const service = fakeCollectionService({
      intercept: (_t, request) =>
        request < 2 ? serviceErrorResponse(503, "ServerBusy") : undefined,
    });
    const result = await testClient(service.fetch, { retry: false }).tasks.addMany(
      "j1",
      makeTasks(5),
      {
        ...instant,
      },
    );
    expect(result).toMatchObject({ added: 5, failed: 0 });
    expect(service.requests.map((r) => r.map((t) => t.id))).toEqual([
      makeTasks(5).map((t) => t.id),
      makeTasks(5).map((t) => t.id),
      makeTasks(5).map((t) => t.id),
    ]);
    expect(result.results[0]!.attempts).toBe(3);
  });

  it("gives up on a task after maxAttemptsPerTask sends: unknown after servererrors, failed after 429s", async () => {
    const service = fakeCollectionService({
      decide: (task) =>
        task.id === "task-00000"
          ? { status: "servererror", taskId: task.id, error: { code: "InternalError" } }
          : "apply",
    });
    const result = await testClient(service.fetch).tasks.addMany("j1", makeTasks(3), {
      ...instant,
      maxAttemptsPerTask: 3,
    });
    // a servererror may come from a task the service did add: its outcome is unknown
    expect(result).toMatchObject({ added: 2, failed: 0, unknown: 1 });
    expect(result.results.find((r) => r.status === "unknown")).toMatchObject({
      taskId: "task-00000",
      attempts: 3,
      error: { code: "InternalError" },
    });

    // a 429 is refused before any work: a task that only ever met 429s was not added
    const throttled = fakeCollectionService({
      intercept: () => serviceErrorResponse(429, "TooManyRequests"),
    });
    const refused = await testClient(throttled.fetch, { retry: false }).tasks.addMany(
      "j1",
      makeTasks(2),
      { ...instant, maxAttemptsPerTask: 2 },
    );
    expect(refused).toMatchObject({ added: 0, failed: 2, unknown: 0 });
    expect(refused.results[0]).toMatchObject({ attempts: 2, error: { status: 429 } });
    expect(throttled.store.size).toBe(0);
  });

  it("reports a task whose sends all went unanswered as unknown, whatever the service did", async () => {
    const service = fakeCollectionService({ intercept: () => "lose" });
    const result = await testClient(service.fetch, { retry: false }).tasks.addMany(
      "j1",
      makeTasks(3),
      { ...instant, maxAttemptsPerTask: 2 },
    );
    expect(result).toMatchObject({ total: 3, added: 0, failed: 0, unknown: 3 });
    expect(result.results[0]).toMatchObject({ status: "unknown", error: { kind: "network" } });
    // the service did add them: "unknown" is the honest answer
    expect(service.store.size).toBe(3);
  });

  it("stops sending on an error every request would meet: that request's tasks fail, the input is left unread, and it rejects with the result", async () => {
    const service = fakeCollectionService({
      intercept: (_tasks, request) =>
        request === 0
          ? undefined
          : serviceErrorResponse(404, "JobNotFound", "The specified job does not exist."),
    });
    const heard: TaskAddOutcome[] = [];
    let closed = false;
    let pulled = 0;
    // Endless: reading it to its end would never finish.
    function* source(): Generator<TaskAddParameter> {
      try {
        for (;;) yield { id: `task-${String(pulled++).padStart(5, "0")}`, commandLine: "echo" };
      } finally {
        closed = true;
      }
    }
    const error = await testClient(service.fetch)
      .tasks.addMany("j1", source(), {
        concurrency: 2,
        onTaskResult: (outcome) => heard.push(outcome),
      })
      .catch((e: unknown) => e);
    expect(service.requests.length).toBeLessThanOrEqual(3);
    expect(error).toBeInstanceOf(AddManyError);
    expect(error).toMatchObject({
      name: "BatchError",
      kind: "service",
      status: 404,
      code: "JobNotFound",
      message: "The specified job does not exist.",
      operation: "Task_AddCollection",
    });
    expect(closed).toBe(true);
    const { result } = error as AddManyError;
    // Only the tasks taken have outcomes: each request's (added, or failed with the error) and
    // any taken but not sent (skipped).
    expect(result.inputExhausted).toBe(false);
    expect(result.total).toBe(pulled);
    expect(result.total).toBeLessThanOrEqual(300);
    const refused = (service.requests.length - 1) * 100;
    expect(result).toMatchObject({ added: 100, failed: refused, unknown: 0 });
    expect(result.skipped).toBe(pulled - 100 - refused);
    expect(result.results.map((r) => r.taskId).sort()).toEqual(makeTasks(pulled).map((t) => t.id));
    expect(result.results.filter((r) => r.status === "failed" && r.attempts === 1)).toHaveLength(
      refused,
    );
    expect(
      result.results.every(
        (r) => r.status === "added" || (isBatchError(r.error) && r.error.code === "JobNotFound"),
      ),
    ).toBe(true);
    expect(heard).toEqual(result.results);
  });

  it("accounts for every task when the credential fails mid-run, as the service's store shows", async () => {
    const service = fakeCollectionService();
    let tokens = 0;
    // Each call asks for a token (each expires at once); the third request gets none.
    const credential = {
      getToken: async () => {
        tokens++;
        if (tokens === 3) throw new Error("the managed identity endpoint is gone");
        return { token: `t${tokens}`, expiresOnTimestamp: 0 };
      },
    };
    const client = createBatchClient({ endpoint, credential, fetch: service.fetch, retry: false });
    const error = (await client.tasks
      .addMany("j1", makeTasks(500), { concurrency: 1, maxTasksPerRequest: 50 })
      .catch((e: unknown) => e)) as AddManyError;
    expect(error).toBeInstanceOf(AddManyError);
    expect(error).toMatchObject({ kind: "client", code: "CredentialUnavailable" });
    const { result } = error;
    // The third request's tasks were never sent; the input was not read on.
    expect(result).toMatchObject({
      total: 150,
      added: 100,
      failed: 0,
      skipped: 50,
      unknown: 0,
      inputExhausted: false,
    });
    const added = result.results.filter((r) => r.status === "added").map((r) => r.taskId);
    expect(new Set(added)).toEqual(new Set([...service.store]));
    const skipped = result.results.filter((r) => r.status === "skipped");
    expect(skipped.every((r) => r.error?.code === "CredentialUnavailable")).toBe(true);
    expect(skipped.some((r) => service.store.has(r.taskId))).toBe(false);
  });

  it("pulls lazily from an async iterable: never more than concurrency x 100 ahead", async () => {
    let pulled = 0;
    let settled = 0;
    let maxAhead = 0;
    let closed = false;
    async function* source() {
      try {
        for (const task of makeTasks(2000)) {
          pulled++;
          maxAhead = Math.max(maxAhead, pulled - settled);
          yield task;
        }
      } finally {
        closed = true;
      }
    }
    const service = fakeCollectionService();
    const result = await testClient(service.fetch).tasks.addMany("j1", source(), {
      concurrency: 2,
      onTaskResult: () => void settled++,
    });
    expect(result.added).toBe(2000);
    expect(maxAhead).toBeLessThanOrEqual(200);
    expect(closed).toBe(true);
  });

  it("accepts plain iterables and reports failures for invalid tasks", async () => {
    function* source(): Generator<TaskAddParameter> {
      yield { id: "a", commandLine: "x" };
      yield { commandLine: "no id" } as TaskAddParameter;
      yield { id: "b", commandLine: "x" };
    }
    const service = fakeCollectionService();
    const result = await testClient(service.fetch).tasks.addMany("j1", source());
    expect(result).toMatchObject({ total: 3, added: 2, failed: 1 });
    expect(result.results.find((r) => r.status === "failed")).toMatchObject({
      taskId: "",
      index: 1,
      attempts: 0,
      error: { kind: "client", code: "MissingRequiredProperty" },
    });
  });

  it("gives a task refused for its id its position in the input, as heard and in results", async () => {
    const heard: TaskAddOutcome[] = [];
    const tasks = [
      ...makeTasks(3),
      { commandLine: "no id" },
      ...makeTasks(2).map((t) => ({ ...t, id: `${t.id}-b` })),
      { id: "", commandLine: "empty id" },
      null,
    ] as TaskAddParameter[];
    const result = await testClient(fakeCollectionService().fetch).tasks.addMany("j1", tasks, {
      keepAddedResults: false,
      onTaskResult: (outcome) => heard.push(outcome),
    });
    expect(result).toMatchObject({ total: 8, added: 5, failed: 3 });
    const refused = result.results.map((r) => [r.taskId, r.index]);
    expect(refused).toEqual([
      ["", 3],
      ["", 6],
      ["", 7],
    ]);
    expect(heard.filter((o) => o.status === "failed")).toEqual(result.results);
    // Tasks with an id are told apart by it.
    expect(heard.filter((o) => o.status === "added").every((o) => o.index === undefined)).toBe(
      true,
    );
  });

  it("fails a task that cannot be serialized and still adds the rest of its request", async () => {
    const service = fakeCollectionService();
    const tasks = makeTasks(5);
    (tasks[2] as unknown as { count: bigint }).count = 1n;
    const result = await testClient(service.fetch).tasks.addMany("j1", tasks, { concurrency: 1 });
    expect(result).toMatchObject({ total: 5, added: 4, failed: 1 });
    expect(result.results.find((r) => r.status === "failed")).toMatchObject({
      taskId: "task-00002",
      attempts: 0,
      error: { kind: "client", code: "InvalidRequestBody" },
    });
    expect(service.requests.map((r) => r.map((t) => t.id))).toEqual([
      ["task-00000", "task-00001", "task-00003", "task-00004"],
    ]);
  });

  it("keeps the input order when tasks do not fit the byte limit, whatever their size", async () => {
    const service = fakeCollectionService();
    const sizes = [100, 600, 100, 100, 700, 50];
    const tasks = sizes.map((n, i) => ({ id: `t${i}`, commandLine: "z".repeat(n) }));
    const result = await testClient(service.fetch).tasks.addMany("j1", tasks, {
      concurrency: 1,
      maxRequestBytes: 1000,
    });
    expect(result.added).toBe(6);
    const sent = service.requests.flatMap((r) => r.map((t) => t.id));
    expect(sent).toEqual(["t0", "t1", "t2", "t3", "t4", "t5"]);
    for (const call of service.fetch.calls)
      expect(utf8ByteLength(call.body)).toBeLessThanOrEqual(1000);
  });

  it("never puts one id twice in a request: a duplicate goes later and meets TaskExists", async () => {
    const service = fakeCollectionService();
    const result = await testClient(service.fetch).tasks.addMany("j1", [
      { id: "dup", commandLine: "x" },
      { id: "DUP", commandLine: "y" },
    ]);
    expect(service.requests.map((r) => r.map((t) => t.id))).toEqual([["dup"], ["DUP"]]);
    expect(result).toMatchObject({ added: 1, failed: 1 });
    expect(result.results[1]).toMatchObject({ taskId: "DUP", error: { code: "TaskExists" } });
  });

  it("reports progress after every request", async () => {
    const progress: AddManyProgress[] = [];
    const service = fakeCollectionService();
    service.store.add("task-00150");
    await testClient(service.fetch).tasks.addMany("j1", makeTasks(210), {
      concurrency: 1,
      onProgress: (p) => progress.push(p),
    });
    const none = { skipped: 0, unknown: 0, total: 210 };
    expect(progress).toEqual([
      { taken: 100, added: 100, failed: 0, ...none },
      { taken: 200, added: 199, failed: 1, ...none },
      { taken: 210, added: 209, failed: 1, ...none },
    ]);
  });

  it("stops at once on abort, closes the input, and rejects with every task taken accounted for", async () => {
    const controller = new AbortController();
    let closed = false;
    async function* source() {
      try {
        for (const task of makeTasks(10_000)) yield task;
      } finally {
        closed = true;
      }
    }
    const service = fakeCollectionService({
      intercept: (_t, request) => {
        if (request < 3) return undefined;
        if (request > 3) return "hang";
        // The fourth request reaches the service, which adds its tasks; then the caller aborts
        // and the answer never arrives.
        queueMicrotask(() => controller.abort());
        return "hold";
      },
    });
    const error = (await testClient(service.fetch)
      .tasks.addMany("j1", source(), {
        concurrency: 2,
        maxTasksPerRequest: 10,
        signal: controller.signal,
      })
      .catch((e: unknown) => e)) as AddManyError;
    expect(error).toBeInstanceOf(AddManyError);
    expect(error).toMatchObject({ name: "BatchError", kind: "aborted" });
    expect(closed).toBe(true);
    const { result } = error;
    // Every task taken from the input has an outcome: the fourth request's tasks are unknown
    // (it went out), the fifth's never left (skipped) or are unknown if it had gone out.
    expect(result.total).toBeGreaterThanOrEqual(40);
    expect(result.inputExhausted).toBe(false);
    expect(result.added).toBe(30);
    expect(result.failed).toBe(0);
    const byStatus = (status: string) =>
      result.results.filter((r) => r.status === status).map((r) => r.taskId);
    // What the service holds is exactly what was added, plus what may have been (unknown).
    const stored = [...service.store];
    for (const id of byStatus("added")) expect(service.store.has(id)).toBe(true);
    for (const id of byStatus("skipped")) expect(service.store.has(id)).toBe(false);
    expect(stored.every((id) => [...byStatus("added"), ...byStatus("unknown")].includes(id))).toBe(
      true,
    );
    expect(byStatus("unknown").filter((id) => service.store.has(id))).toHaveLength(10);
    expect(result.results.find((r) => r.status === "unknown")?.error).toMatchObject({
      kind: "aborted",
    });
  });

  it("leaves the input untaken after an abort: the result covers the tasks taken", async () => {
    const controller = new AbortController();
    const service = fakeCollectionService();
    const error = (await testClient(service.fetch)
      .tasks.addMany("j1", makeTasks(50), {
        concurrency: 1,
        maxTasksPerRequest: 10,
        signal: controller.signal,
        // between two requests: nothing in flight
        onProgress: (p) => p.taken === 20 && controller.abort(),
      })
      .catch((e: unknown) => e)) as AddManyError;
    expect(error.result).toMatchObject({ total: 20, added: 20, skipped: 0, unknown: 0 });
    expect(service.store.size).toBe(20);
    expect(service.requests).toHaveLength(2);
  });

  it("matches results in request order, in any order, and with the id's case changed", async () => {
    const answer = (order: "same" | "reversed" | "upper") =>
      scriptedFetch((seen) => {
        const tasks = (JSON.parse(seen.body) as { value: TaskAddParameter[] }).value;
        const value = tasks.map((t, i) => ({
          status: "success" as const,
          taskId: order === "upper" ? t.id.toUpperCase() : t.id,
          eTag: `0x${i}`,
        }));
        return json({ value: order === "reversed" ? value.reverse() : value });
      });
    for (const order of ["same", "reversed", "upper"] as const) {
      const result = await testClient(answer(order)).tasks.addMany("j1", makeTasks(30));
      expect(result).toMatchObject({ added: 30, failed: 0 });
      // each outcome carries its own task's details, whatever the order of the answer
      const byId = new Map(result.results.map((r) => [r.taskId, r]));
      expect(byId.size).toBe(30);
      expect(byId.get("task-00007")).toMatchObject({ eTag: "0x7", attempts: 1 });
    }
  });

  it("ignores duplicated, unknown and malformed result entries, and resends a task left without one", async () => {
    const fetch = scriptedFetch((seen) => {
      const tasks = (JSON.parse(seen.body) as { value: TaskAddParameter[] }).value;
      if (seen.index > 0) {
        return json({ value: tasks.map((t) => ({ status: "success", taskId: t.id })) });
      }
      return json({
        value: [
          null,
          "junk",
          { status: "success", taskId: "not-sent" },
          { status: "success", taskId: tasks[0]!.id, eTag: "0xfirst" },
          { status: "servererror", taskId: tasks[0]!.id },
          { status: "success", taskId: tasks[1]!.id },
        ],
      });
    });
    const result = await testClient(fetch).tasks.addMany("j1", makeTasks(3), { ...instant });
    expect(result).toMatchObject({ total: 3, added: 3, failed: 0 });
    expect(fetch.calls).toHaveLength(2);
    expect(JSON.parse(fetch.calls[1]!.body)).toEqual({ value: [makeTasks(3)[2]] });
    const byId = new Map(result.results.map((r) => [r.taskId, r]));
    expect(byId.get("task-00000")).toMatchObject({ attempts: 1, eTag: "0xfirst" });
    expect(byId.get("task-00002")).toMatchObject({ attempts: 2, reconciled: false });
  });

  it("builds `results` once, when first read, and keeps it in the result's JSON", async () => {
    const service = fakeCollectionService();
    const heard: TaskAddOutcome[] = [];
    const result = await testClient(service.fetch).tasks.addMany("j1", makeTasks(5), {
      onTaskResult: (outcome) => heard.push(outcome),
    });
    const results = result.results;
    expect(result.results).toBe(results);
    expect(results).toEqual(heard);
    expect(JSON.parse(JSON.stringify(result))).toMatchObject({
      total: 5,
      results: heard.map((h) => ({ taskId: h.taskId, status: "added" })),
    });
  });

  it("refuses input that is not a collection of tasks", async () => {
    const service = fakeCollectionService();
    await expect(
      testClient(service.fetch).tasks.addMany(
        "j1",
        "tasks.ndjson" as unknown as TaskAddParameter[],
      ),
    ).rejects.toMatchObject({ kind: "client", code: "InvalidInput" });
  });

  it("backs off between sends of the same tasks: full jitter below a doubling ceiling", async () => {
    // Task 0 meets a servererror four times, then is added.
    const service = fakeCollectionService({
      decide: (task, request) =>
        task.id === "task-00000" && request < 4
          ? { status: "servererror", taskId: task.id, error: { code: "ServerBusy" } }
          : "apply",
    });
    const slept: number[] = [];
    const randoms = [0.25, 0.75, 0.5, 0.999];
    const result = await testClient(service.fetch).tasks.addMany("j1", makeTasks(3), {
      retryDelayMs: 10_000,
      random: () => randoms.shift()!,
      sleep: async (ms) => void slept.push(ms),
    });
    expect(result).toMatchObject({ added: 3 });
    // ceilings 10 s, 20 s, then 30 s (the cap) twice; delay = floor(random x ceiling)
    expect(slept).toEqual([2500, 15_000, 15_000, 29_970]);
    expect(service.requests).toHaveLength(5);
  });

  it("waits out the backoff before sending again, and an abort during it ends the run", async () => {
    const controller = new AbortController();
    const service = fakeCollectionService({
      intercept: () => serviceErrorResponse(503, "ServerBusy"),
    });
    let sleeping = false;
    const error = (await testClient(service.fetch, { retry: false })
      .tasks.addMany("j1", makeTasks(5), {
        signal: controller.signal,
        sleep: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            sleeping = true;
            // nothing is sent again while the backoff lasts
            expect(service.requests).toHaveLength(1);
            signal?.addEventListener("abort", () => reject(signal.reason));
            controller.abort();
          }),
      })
      .catch((e: unknown) => e)) as AddManyError;
    expect(sleeping).toBe(true);
    expect(error).toMatchObject({ kind: "aborted" });
    // the tasks waiting to be sent again: the 503 may have come after they were added
    expect(error.result).toMatchObject({ total: 5, unknown: 5 });
    expect(error.result.results[0]!.error).toMatchObject({ status: 503 });
  });

  it("with keepAddedResults off, keeps only the tasks not added, and still reports every one", async () => {
    const service = fakeCollectionService();
    service.store.add("task-00002");
    const heard: TaskAddOutcome[] = [];
    const result = await testClient(service.fetch).tasks.addMany("j1", makeTasks(250), {
      keepAddedResults: false,
      onTaskResult: (outcome) => heard.push(outcome),
    });
    expect(result).toMatchObject({ total: 250, added: 249, failed: 1 });
    expect(result.results).toEqual([
      expect.objectContaining({ taskId: "task-00002", status: "failed" }),
    ]);
    expect(heard).toHaveLength(250);
  });

  it("stops pulling when the input fails: requests in flight settle, tasks taken and not sent are skipped, and it rejects with an AddManyError", async () => {
    const inputFailure = new Error("the task file is truncated");
    function* source(): Generator<TaskAddParameter> {
      yield* makeTasks(250);
      throw inputFailure;
    }
    // Each request is answered only once the input has failed: nothing in flight may be aborted.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const base = fakeCollectionService();
    const service = scriptedFetch(async (seen) => {
      await released;
      return base.fetch(seen.url, { method: "POST", body: seen.body, headers: seen.headers });
    });
    const heard: TaskAddOutcome[] = [];
    const run = testClient(service).tasks.addMany("j1", source(), {
      concurrency: 3,
      onTaskResult: (outcome) => heard.push(outcome),
    });
    // Two requests go out; the third worker's pull meets the failure while they are in flight.
    await vi.waitFor(() => expect(service.calls).toHaveLength(2));
    release();
    const error = (await run.catch((e: unknown) => e)) as AddManyError;
    expect(error).toBeInstanceOf(AddManyError);
    expect(error).toMatchObject({
      kind: "client",
      code: "InputOrListenerFailed",
      message: "the task file is truncated",
      cause: inputFailure,
    });
    expect(error.result).toMatchObject({
      total: 250,
      added: 200,
      skipped: 50,
      failed: 0,
      unknown: 0,
      inputExhausted: false,
    });
    expect(base.store.size).toBe(200);
    expect(heard).toHaveLength(250);
    expect(
      heard.filter((o) => o.status === "skipped").every((o) => !base.store.has(o.taskId)),
    ).toBe(true);
  });

  it("treats a listener that throws like a failed input: sending stops, nothing in flight is aborted, and every task taken has an outcome", async () => {
    const listenerFailure = new Error("the report file is full");
    for (const listener of ["onTaskResult", "onProgress"] as const) {
      const service = fakeCollectionService();
      let calls = 0;
      const throwOnce = () => {
        if (++calls === 1) throw listenerFailure;
      };
      const heard: TaskAddOutcome[] = [];
      const error = (await testClient(service.fetch)
        .tasks.addMany("j1", makeTasks(1000), {
          concurrency: 3,
          maxTasksPerRequest: 10,
          [listener]: throwOnce,
          ...(listener === "onProgress"
            ? { onTaskResult: (o: TaskAddOutcome) => heard.push(o) }
            : {}),
        })
        .catch((e: unknown) => e)) as AddManyError;
      expect(error).toBeInstanceOf(AddManyError);
      expect(error).toMatchObject({ code: "InputOrListenerFailed", cause: listenerFailure });
      const { result } = error;
      expect(result.total).toBeLessThan(1000);
      expect(result.inputExhausted).toBe(false);
      // Every request that went out was answered and settled: its tasks were all added.
      expect(result.added).toBe(service.store.size);
      expect(result.added).toBe(service.requests.length * 10);
      expect(result.failed + result.unknown).toBe(0);
      expect(result.total).toBe(result.added + result.skipped);
      if (listener === "onProgress") expect(heard).toHaveLength(result.total);
    }
  });
});
