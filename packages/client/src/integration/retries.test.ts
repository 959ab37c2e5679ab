// Retries against injected faults over loopback, observed from the emulator's side: every
// attempt of a call carries the same client-request-id and its own ocp-date and signature (the
// emulator checked each one), Retry-After is honoured and capped, the budgets and an abort stop
// the retries, and a Task_Add whose answer was lost is told apart from a real conflict.
import { createFaultInjector, type FaultOptions } from "@batch/testing";
import { describe, expect, it } from "vitest";
import { isBatchError } from "../errors.js";
import type { RetryOptions } from "../middleware/retry.js";
import { type IntegrationTarget, loopbackTargets } from "../test-support/integration-target.js";

const startTarget = loopbackTargets("node-http");

/** A loopback emulator with job "job1", faulting per `faults`, and a client with `retry`. */
async function faulted(faults: FaultOptions) {
  const injector = createFaultInjector(faults);
  const target = await startTarget({ faults: injector.middleware });
  await target.client({ retry: false }).jobs.add({ id: "job1", poolInfo: { poolId: "p" } });
  target.received.length = 0;
  return { target, injector };
}

/** Retry options whose sleeps are recorded and return at once. */
function recordedSleeps(options: RetryOptions = {}) {
  const delays: number[] = [];
  const retry: RetryOptions = {
    baseDelayMs: 100,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      delays.push(ms);
    },
    ...options,
  };
  return { delays, retry };
}

async function using<T>(target: IntegrationTarget, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } finally {
    await target.close();
  }
}

describe("retries against injected faults (loopback)", () => {
  it("keeps the client-request-id and signs every attempt afresh", async () => {
    const { target, injector } = await faulted({
      seed: 1,
      operations: { Task_Get: { rate: 1, kinds: { "503": 1, "500": 1 }, retryAfterSeconds: 0 } },
      maxConsecutive: 2,
    });
    await using(target, async () => {
      const client = target.client({ retry: recordedSleeps().retry });
      target.service.addTask("job1", { id: "t1", commandLine: "true" });
      // An old ocp-date for the first attempt: retries must carry the current time instead.
      const old = new Date(Date.now() - 5 * 60_000);
      const task = await client.tasks.get("job1", "t1", { ocpDate: old });
      expect(task.id).toBe("t1");
      expect(task.meta.attempts).toBe(3);
      const attempts = target.received.filter((c) => c.operation === "Task_Get");
      expect(attempts).toHaveLength(3);
      expect(injector.stats().faulted).toBe(2);
      const ids = new Set(attempts.map((c) => c.headers.get("client-request-id")));
      expect(ids.size).toBe(1);
      expect([...ids][0]).toBe(task.meta.clientRequestId);
      const dates = attempts.map((c) => c.headers.get("ocp-date"));
      expect(dates[0]).toBe(old.toUTCString());
      expect(dates[1]).not.toBe(old.toUTCString());
      const signatures = attempts.map((c) => c.headers.get("authorization"));
      expect(new Set(signatures.slice(0, 2)).size).toBe(2);
    });
  });

  it("waits as Retry-After says on 429 and 503, capped by maxRetryAfterMs", async () => {
    const { target } = await faulted({
      seed: 2,
      operations: { Task_Get: { rate: 1, kinds: { "429": 1, "503": 1 }, retryAfterSeconds: 3 } },
      maxConsecutive: 2,
    });
    await using(target, async () => {
      target.service.addTask("job1", { id: "t1", commandLine: "true" });
      const honoured = recordedSleeps();
      const statuses: number[] = [];
      const client = target.client({
        retry: { ...honoured.retry, onRetry: (info) => void statuses.push(info.response!.status) },
      });
      await client.tasks.get("job1", "t1");
      expect(honoured.delays).toEqual([3000, 3000]);
      expect(statuses.every((s) => s === 429 || s === 503)).toBe(true);

      const capped = recordedSleeps({ maxRetryAfterMs: 250 });
      await target.client({ retry: capped.retry }).tasks.get("job1", "t1");
      expect(capped.delays).toEqual([250, 250]);
    });
  });

  it("backs off with jitter when the answer has no Retry-After (500, dropped connections)", async () => {
    const { target } = await faulted({
      seed: 3,
      operations: { Task_Get: { rate: 1, kinds: { "500": 1, "drop-before": 1 } } },
      maxConsecutive: 3,
    });
    await using(target, async () => {
      target.service.addTask("job1", { id: "t1", commandLine: "true" });
      const { delays, retry } = recordedSleeps({ baseDelayMs: 100, random: () => 0.5 });
      const task = await target.client({ retry }).tasks.get("job1", "t1");
      expect(task.meta.attempts).toBe(4);
      // Full jitter: random × min(maxDelay, base × 2^(n-1)).
      expect(delays).toEqual([50, 100, 200]);
    });
  });

  it("stops at the attempt budget and the time budget", async () => {
    const { target } = await faulted({
      seed: 4,
      operations: { Task_Get: { rate: 1, kinds: { "503": 1 }, retryAfterSeconds: 2 } },
      maxConsecutive: 100,
    });
    await using(target, async () => {
      target.service.addTask("job1", { id: "t1", commandLine: "true" });
      const attempts = recordedSleeps({ maxRetries: 2 });
      const error = await target
        .client({ retry: attempts.retry })
        .tasks.get("job1", "t1")
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        kind: "service",
        status: 503,
        code: "ServerBusy",
        attempts: 3,
      });
      expect(isBatchError(error) && error.retried).toBe(true);
      expect(target.received).toHaveLength(3);

      // A 2 s Retry-After does not fit a 1 s budget: the first answer is final.
      target.received.length = 0;
      const time = recordedSleeps({ maxElapsedMs: 1000 });
      const late = await target
        .client({ retry: time.retry })
        .tasks.get("job1", "t1")
        .catch((e: unknown) => e);
      expect(late).toMatchObject({ status: 503, attempts: 1 });
      expect(time.delays).toEqual([]);
      expect(target.received).toHaveLength(1);
    });
  });

  it("stops at once when the caller aborts during the backoff", async () => {
    const { target } = await faulted({
      seed: 5,
      operations: { Task_Get: { rate: 1, kinds: { "503": 1 }, retryAfterSeconds: 30 } },
      maxConsecutive: 100,
    });
    await using(target, async () => {
      target.service.addTask("job1", { id: "t1", commandLine: "true" });
      const controller = new AbortController();
      // The Retry-After is 30 s and the real sleep is used: only the abort lets this finish
      // within the test's timeout.
      const error = await target
        .client({ retry: { onRetry: () => controller.abort(new Error("user gave up")) } })
        .tasks.get("job1", "t1", { signal: controller.signal })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "BatchError", kind: "aborted", operation: "Task_Get" });
      expect(target.received).toHaveLength(1);
    });
  });

  it("reports a Task_Add whose answer was lost as reconciled, and a real conflict as TaskExists", async () => {
    const { target, injector } = await faulted({
      seed: 6,
      operations: { Task_Add: { rate: 1, kinds: { "drop-after": 1 } } },
      maxConsecutive: 1,
    });
    await using(target, async () => {
      const client = target.client({ retry: recordedSleeps().retry });
      const added = await client.tasks.add("job1", { id: "t1", commandLine: "true" });
      expect(added).toMatchObject({
        reconciled: true,
        meta: { attempts: 2, uncertainAttempts: 1 },
      });
      expect(injector.stats().byKind["drop-after"]).toBe(1);
      expect(target.service.listTasks("job1").value.map((t) => t.id)).toEqual(["t1"]);

      // Someone else's task with the same id: a conflict on the first attempt is real.
      const noFaults = await startTarget();
      try {
        await noFaults.client().jobs.add({ id: "job1", poolInfo: { poolId: "p" } });
        noFaults.service.addTask("job1", { id: "t2", commandLine: "someone else" });
        const conflict = await noFaults
          .client()
          .tasks.add("job1", { id: "t2", commandLine: "true" })
          .catch((e: unknown) => e);
        expect(conflict).toMatchObject({ kind: "service", status: 409, code: "TaskExists" });
      } finally {
        await noFaults.close();
      }
    });
  });

  it("sends a dropped Task_Add again without calling it reconciled", async () => {
    const { target } = await faulted({
      seed: 7,
      operations: { Task_Add: { rate: 1, kinds: { "drop-before": 1 } } },
      maxConsecutive: 1,
    });
    await using(target, async () => {
      const client = target.client({ retry: recordedSleeps().retry });
      const added = await client.tasks.add("job1", { id: "t1", commandLine: "true" });
      expect(added).toMatchObject({ reconciled: false, meta: { status: 201, attempts: 2 } });
    });
  });
});
