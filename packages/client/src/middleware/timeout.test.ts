import { afterEach, describe, expect, it, vi } from "vitest";
import { manualTimers } from "../test-support/manual-timers.js";
import {
  endpoint,
  hang,
  json,
  scriptedFetch,
  stalledResponse,
  testClient,
} from "../test-support/scripted-fetch.js";
import { sendGet, testPipeline } from "../test-support/test-pipeline.js";
import { defaultTimeoutMs } from "./timeout.js";

const url = `${endpoint}/jobs/j1/tasks/t1`;

afterEach(() => {
  vi.useRealTimers();
});

describe("timeoutMiddleware", () => {
  it("aborts an attempt that outlives timeoutMs and retries it", async () => {
    const timers = manualTimers();
    const fetch = scriptedFetch((seen) => {
      if (seen.index > 0) return json({ id: "t1" });
      // The deadline passes while the first attempt waits for its answer.
      queueMicrotask(() => timers.fire());
      return hang(seen);
    });
    const answer = await sendGet(testPipeline(fetch, { timeoutMs: 5000, timers }), url);
    expect(answer).toMatchObject({ status: 200, attempts: 2 });
    expect(fetch.calls[0]!.signal?.aborted).toBe(true);
    expect(fetch.calls[0]!.signal?.reason).toMatchObject({ name: "TimeoutError" });
    // the client-side deadline is not the service's `timeout` parameter
    expect(fetch.calls[0]!.url.searchParams.has("timeout")).toBe(false);
    expect(timers.pending()).toEqual([]);
  });

  it("surfaces a BatchError of kind timeout when every attempt times out", async () => {
    const timers = manualTimers();
    const fetch = scriptedFetch((seen) => {
      queueMicrotask(() => timers.fire());
      return hang(seen);
    });
    const pipeline = testPipeline(fetch, { timeoutMs: 5000, timers, retry: { maxRetries: 2 } });
    const error = await sendGet(pipeline, url).catch((e: unknown) => e);
    expect(fetch.calls).toHaveLength(3);
    expect(error).toMatchObject({
      name: "BatchError",
      kind: "timeout",
      operation: "Task_Get",
      attempts: 3,
    });
  });

  it("covers the body: an answer whose body stalls after the headers times out and is retried", async () => {
    const timers = manualTimers();
    const fetch = scriptedFetch((seen) => {
      if (seen.index > 0) return json({ id: "t1" });
      // The deadline passes while the body is being read, after the headers arrived.
      return stalledResponse('{"id":', () => timers.fire());
    });
    const answer = await sendGet(testPipeline(fetch, { timeoutMs: 5000, timers }), url);
    expect(answer).toEqual({ status: 200, text: '{"id":"t1"}', attempts: 2 });
    expect(fetch.calls[0]!.signal?.reason).toMatchObject({ name: "TimeoutError" });
  });

  it("reports the caller's abort as aborted, not as a timeout", async () => {
    const controller = new AbortController();
    const timers = manualTimers();
    const fetch = scriptedFetch((seen) => {
      queueMicrotask(() => controller.abort());
      return hang(seen);
    });
    const error = await sendGet(
      testPipeline(fetch, { timeoutMs: 60_000, timers }),
      url,
      controller.signal,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "aborted" });
    expect(fetch.calls).toHaveLength(1);
    expect(timers.pending()).toEqual([]);
  });

  it("gives every attempt a deadline of 130 s by default: past add-collection's 120 s service limit", async () => {
    vi.useFakeTimers();
    const fetch = scriptedFetch((seen) => (seen.index === 0 ? hang(seen) : json({ id: "t1" })));
    const pending = testClient(fetch).tasks.get("j1", "t1");
    await vi.advanceTimersByTimeAsync(defaultTimeoutMs - 1);
    expect(fetch.calls[0]!.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const task = await pending;
    expect(defaultTimeoutMs).toBe(130_000);
    expect(defaultTimeoutMs).toBeGreaterThan(120_000);
    expect(fetch.calls[0]!.signal?.aborted).toBe(true);
    expect(task.meta.attempts).toBe(2);
  });

  it("has no deadline with timeoutMs 0 or Infinity, and refuses a negative one", async () => {
    for (const timeoutMs of [0, Number.POSITIVE_INFINITY]) {
      const fetch = scriptedFetch(() => json({}));
      await testClient(fetch, { timeoutMs }).tasks.get("j1", "t1");
      // no deadline and no caller signal: nothing to abort the request with
      expect(fetch.calls[0]!.signal).toBeUndefined();
    }
    const fetch = scriptedFetch(() => json({}));
    expect(() => testClient(fetch, { timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => testClient(fetch, { timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
  });
});
