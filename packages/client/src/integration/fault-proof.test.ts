// The proof under faults: 10,000 tasks through addMany against loopback emulators that fault
// 10% of requests with every kind of fault (errors with and without Retry-After, latency,
// connections dropped before and after the change was applied, per-task servererrors) end with
// exactly 10,000 distinct tasks in the service, each reported as added, for three seeds.
// The seeds run at once, one emulator each; retry waits are kept small through the options.
import { createFaultInjector, FAULT_KINDS } from "@batch/testing";
import type { TaskAddParameter } from "@batch/types";
import { describe, expect, it } from "vitest";
import { loopbackTargets } from "../test-support/integration-target.js";

const taskCount = 10_000;

function* tasks(): Generator<TaskAddParameter> {
  for (let i = 0; i < taskCount; i++) {
    yield { id: `task-${i}`, commandLine: `/bin/sh -c 'echo ${i}'` };
  }
}

async function proveSeed(seed: number, transport: "fetch" | "node-http") {
  const injector = createFaultInjector({
    seed,
    rate: 0.1,
    latencyMs: [1, 20],
    retryAfterSeconds: 1,
  });
  const target = await loopbackTargets(transport)({ faults: injector.middleware });
  try {
    const client = target.client({
      retry: { baseDelayMs: 5, maxDelayMs: 50, maxRetryAfterMs: 20 },
    });
    await client.jobs.add({ id: "proof", poolInfo: { poolId: "p" } }, {});
    // Requests of 10 tasks: ~1,000 requests per seed, so that each kind of fault is drawn often
    // (about 14 times) whatever order the concurrent requests arrive in.
    const result = await client.tasks.addMany("proof", tasks(), {
      concurrency: 8,
      maxTasksPerRequest: 10,
      retryDelayMs: 5,
    });
    const stored = target.service
      .listTasks("proof", { select: "id", maxResults: 1000 })
      .value.map((t) => t.id);
    let token = target.service.listTasks("proof", { maxResults: 1000 }).continuationToken;
    while (token !== undefined) {
      const page = target.service.listTasks("proof", {
        select: "id",
        maxResults: 1000,
        skipToken: token,
      });
      stored.push(...page.value.map((t) => t.id));
      token = page.continuationToken;
    }
    return { result, stored, stats: injector.stats() };
  } finally {
    await target.close();
  }
}

describe("addMany under injected faults (loopback)", () => {
  it("adds exactly 10,000 distinct tasks, every one reported added, for three seeds", async () => {
    const runs = await Promise.all([
      proveSeed(11, "node-http"),
      proveSeed(22, "node-http"),
      proveSeed(33, "fetch"),
    ]);
    const expected = [...tasks()].map((t) => t.id).sort();
    for (const { result, stored, stats } of runs) {
      expect({ seed: stats.seed, added: result.added, failed: result.failed }).toEqual({
        seed: stats.seed,
        added: taskCount,
        failed: 0,
      });
      expect(result.total).toBe(taskCount);
      const reported = result.results.map((r) => r.taskId);
      expect(new Set(reported).size).toBe(taskCount);
      expect(result.results.every((r) => r.status === "added")).toBe(true);
      expect(stored).toHaveLength(taskCount);
      expect([...stored].sort()).toEqual(expected);
      // Every kind of fault happened, the lost answers among them, and some retries met
      // tasks their lost attempt had added.
      for (const kind of FAULT_KINDS) expect(stats.byKind[kind], kind).toBeGreaterThan(0);
      expect(stats.faulted / stats.requests).toBeGreaterThan(0.05);
      expect(result.results.some((r) => r.reconciled)).toBe(true);
    }
  }, 60_000);
});
