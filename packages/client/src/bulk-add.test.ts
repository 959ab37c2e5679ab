import type { TaskAddParameter, TaskAddResult } from "@batch/types";
import { describe, expect, it } from "vitest";
import type { AddManyProgress, TaskAddOutcome } from "./bulk-add.js";
import { isBatchError } from "./errors.js";
import {
  json,
  networkError,
  type Seen,
  scriptedFetch,
  serviceErrorResponse,
  testClient,
} from "./test-support/scripted-fetch.js";
import { utf8ByteLength } from "./utf8-length.js";

type Decision = TaskAddResult | "apply" | "skip";

interface FakeOptions {
  /** Per task: what the service answers (default: add it, or TaskExists if present). */
  decide?: (task: TaskAddParameter, request: number, store: Set<string>) => Decision;
  /** Per request: answer without looking at the tasks (e.g. a 503, or a lost answer). */
  intercept?: (
    tasks: TaskAddParameter[],
    request: number,
    seen: Seen,
  ) => Response | "lose" | undefined;
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
    if (intercepted === "lose") {
      for (const task of tasks) apply(task);
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

  it("splits a request the service finds too large and resends both halves", async () => {
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
    expect(service.requests.slice(0, 3).map((r) => r.length)).toEqual([100, 50, 25]);
    // splitting is no retry: every task was added on its first accepted send
    expect(result.results.every((r) => !r.reconciled)).toBe(true);
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

  it("gives up on a task after maxAttemptsPerTask sends and reports the last error", async () => {
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
    expect(result).toMatchObject({ added: 2, failed: 1 });
    expect(result.results.find((r) => r.status === "failed")).toMatchObject({
      taskId: "task-00000",
      attempts: 3,
      error: { code: "InternalError" },
    });
  });

  it("stops sending on an error every request would meet, and fails every task with it", async () => {
    const service = fakeCollectionService({
      intercept: () =>
        serviceErrorResponse(404, "JobNotFound", "The specified job does not exist."),
    });
    const result = await testClient(service.fetch).tasks.addMany("j1", makeTasks(350), {
      concurrency: 1,
    });
    expect(service.requests).toHaveLength(1);
    expect(result).toMatchObject({ total: 350, added: 0, failed: 350 });
    expect(
      result.results.every((r) => isBatchError(r.error) && r.error.code === "JobNotFound"),
    ).toBe(true);
    expect(result.results.filter((r) => r.attempts === 0)).toHaveLength(250);
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
      attempts: 0,
      error: { kind: "client", code: "MissingRequiredProperty" },
    });
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
    expect(progress).toEqual([
      { submitted: 100, added: 100, failed: 0, total: 210 },
      { submitted: 200, added: 199, failed: 1, total: 210 },
      { submitted: 210, added: 209, failed: 1, total: 210 },
    ]);
  });

  it("stops at once on abort, closes the input, and rejects with kind aborted", async () => {
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
        if (request === 1) controller.abort();
        return undefined;
      },
    });
    const error = await testClient(service.fetch)
      .tasks.addMany("j1", source(), { concurrency: 1, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "BatchError", kind: "aborted" });
    expect(service.requests.length).toBeLessThanOrEqual(2);
    expect(closed).toBe(true);
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
});
