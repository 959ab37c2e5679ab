import type { CloudTask } from "@batch/types";
import { describe, expect, it } from "vitest";
import { manualTimers } from "./test-support/manual-timers.js";
import { hang, json, scriptedFetch, testClient } from "./test-support/scripted-fetch.js";
import type { TaskStateSummary } from "./wait.js";

const completed = (
  id: string,
  result: "success" | "failure",
  exitCode = result === "success" ? 0 : 1,
): CloudTask => ({
  id,
  state: "completed",
  executionInfo: { retryCount: 0, requeueCount: 0, result, exitCode },
});

describe("tasks.waitFor", () => {
  it("polls with a light $select until every task completed, reporting counts each time", async () => {
    const polls: CloudTask[][] = [
      [
        { id: "a", state: "active" },
        { id: "b", state: "running" },
        { id: "c", state: "preparing" },
      ],
      [completed("a", "success"), { id: "b", state: "running" }, completed("c", "failure")],
      [completed("a", "success"), completed("b", "success"), completed("c", "failure")],
    ];
    const fetch = scriptedFetch((seen) => json({ value: polls[seen.index] }));
    const slept: number[] = [];
    const progress: TaskStateSummary[] = [];
    const summary = await testClient(fetch).tasks.waitFor("j1", {
      filter: "startswith(id,'a')",
      pollIntervalMs: 250,
      sleep: async (ms) => void slept.push(ms),
      onProgress: (s) => progress.push(s),
    });
    expect(fetch.calls).toHaveLength(3);
    expect(fetch.calls[0]!.url.searchParams.get("$select")).toBe("id,state,executionInfo");
    expect(fetch.calls[0]!.url.searchParams.get("$filter")).toBe("startswith(id,'a')");
    expect(slept).toEqual([250, 250]);
    expect(progress.map((p) => [p.active, p.preparing, p.running, p.completed])).toEqual([
      [1, 1, 1, 0],
      [0, 0, 1, 2],
      [0, 0, 0, 3],
    ]);
    expect(summary).toEqual({
      total: 3,
      active: 0,
      preparing: 0,
      running: 0,
      completed: 3,
      succeeded: 2,
      failed: 1,
      failedTaskIds: ["c"],
      polls: 3,
    });
  });

  it("counts across pages and reads results case-insensitively, or from the exit code", async () => {
    const fetch = scriptedFetch((seen) =>
      seen.index === 0
        ? json({
            value: [
              {
                id: "x",
                state: "Completed",
                executionInfo: { retryCount: 0, requeueCount: 0, result: "Failure" },
              },
            ],
            "odata.nextLink": `${seen.url.origin}/jobs/j1/tasks?api-version=1&$skiptoken=2`,
          })
        : json({
            value: [
              {
                id: "y",
                state: "completed",
                executionInfo: { retryCount: 0, requeueCount: 0, exitCode: 0 },
              },
            ],
          }),
    );
    const summary = await testClient(fetch).tasks.waitFor("j1", { sleep: async () => undefined });
    expect(summary).toMatchObject({
      total: 2,
      completed: 2,
      succeeded: 1,
      failed: 1,
      failedTaskIds: ["x"],
    });
  });

  it("sleeps only until the deadline, polls there a last time, then rejects with kind timeout", async () => {
    let now = 0;
    const polledAt: number[] = [];
    const fetch = scriptedFetch(() => {
      polledAt.push(now);
      return json({ value: [{ id: "a", state: "running" }] });
    });
    const slept: number[] = [];
    const timers = manualTimers();
    const error = await testClient(fetch)
      .tasks.waitFor("j1", {
        pollIntervalMs: 1000,
        timeoutMs: 2500,
        now: () => now,
        timers,
        sleep: async (ms) => {
          slept.push(ms);
          now += ms;
        },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "BatchError", kind: "timeout", code: "WaitTimedOut" });
    expect((error as Error).message).toContain("after 2500 ms (0 of 1 completed)");
    expect(slept).toEqual([1000, 1000, 500]);
    expect(polledAt).toEqual([0, 1000, 2000, 2500]);
    // every poll was bounded by the deadline, each bound let go once the poll ended
    expect(timers.pending()).toEqual([]);
  });

  it("resolves when the last poll, at the deadline, finds every task completed", async () => {
    let now = 0;
    const fetch = scriptedFetch((seen) =>
      json({ value: [seen.index < 3 ? { id: "a", state: "running" } : completed("a", "success")] }),
    );
    const summary = await testClient(fetch).tasks.waitFor("j1", {
      pollIntervalMs: 1000,
      timeoutMs: 2500,
      now: () => now,
      timers: manualTimers(),
      sleep: async (ms) => {
        now += ms;
      },
    });
    expect(summary).toMatchObject({ completed: 1, polls: 4 });
    expect(now).toBe(2500);
  });

  it("stops a poll still under way when the deadline passes", async () => {
    const timers = manualTimers();
    const bounds: number[] = [];
    const fetch = scriptedFetch((seen) => {
      if (seen.index === 0) return json({ value: [{ id: "a", state: "running" }] });
      // The second poll hangs; the deadline passes while it is under way.
      bounds.push(...timers.pending());
      queueMicrotask(() => timers.fire());
      return hang(seen);
    });
    let now = 0;
    const error = await testClient(fetch)
      .tasks.waitFor("j1", {
        pollIntervalMs: 1000,
        timeoutMs: 60_000,
        now: () => now,
        timers,
        sleep: async (ms) => {
          now += ms;
        },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", code: "WaitTimedOut" });
    expect(fetch.calls).toHaveLength(2);
    expect(fetch.calls[1]!.signal?.aborted).toBe(true);
    // the poll's bound was what was left of the deadline when it began
    expect(bounds).toEqual([59_000]);
  });

  it("stops when aborted during the wait between polls", async () => {
    const controller = new AbortController();
    const fetch = scriptedFetch(() => json({ value: [{ id: "a", state: "active" }] }));
    const pending = testClient(fetch).tasks.waitFor("j1", {
      pollIntervalMs: 3_600_000,
      signal: controller.signal,
      onProgress: () => setTimeout(() => controller.abort(), 0),
    });
    await expect(pending).rejects.toMatchObject({ kind: "aborted" });
    expect(fetch.calls).toHaveLength(1);
  });

  it("returns at once for a job without (matching) tasks", async () => {
    const fetch = scriptedFetch(() => json({ value: [] }));
    const summary = await testClient(fetch).tasks.waitFor("j1");
    expect(summary).toMatchObject({ total: 0, completed: 0, polls: 1 });
  });
});
