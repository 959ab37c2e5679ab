import { describe, expect, it } from "vitest";
import { hang, json, scriptedFetch, testClient } from "../test-support/scripted-fetch.js";

describe("timeoutMiddleware", () => {
  it("aborts an attempt that outlives timeoutMs and retries it", async () => {
    const fetch = scriptedFetch((seen) => (seen.index === 0 ? hang(seen) : json({ id: "t1" })));
    const task = await testClient(fetch, { timeoutMs: 5 }).tasks.get("j1", "t1");
    expect(task.id).toBe("t1");
    expect(task.meta.attempts).toBe(2);
    expect(fetch.calls[0]!.signal?.aborted).toBe(true);
    // the client-side deadline is not the service's `timeout` parameter
    expect(fetch.calls[0]!.url.searchParams.has("timeout")).toBe(false);
  });

  it("surfaces a BatchError of kind timeout when every attempt times out", async () => {
    const fetch = scriptedFetch((seen) => hang(seen));
    const error = await testClient(fetch, { timeoutMs: 5, retry: { maxRetries: 2 } })
      .tasks.get("j1", "t1")
      .catch((e: unknown) => e);
    expect(fetch.calls).toHaveLength(3);
    expect(error).toMatchObject({
      name: "BatchError",
      kind: "timeout",
      operation: "Task_Get",
      attempts: 3,
    });
  });

  it("reports the caller's abort as aborted, not as a timeout", async () => {
    const controller = new AbortController();
    const fetch = scriptedFetch((seen) => {
      queueMicrotask(() => controller.abort());
      return hang(seen);
    });
    const error = await testClient(fetch, { timeoutMs: 60_000 })
      .tasks.get("j1", "t1", { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "aborted" });
    expect(fetch.calls).toHaveLength(1);
  });

  it("passes no signal at all when there is neither a deadline nor a caller signal", async () => {
    const fetch = scriptedFetch(() => json({}));
    await testClient(fetch).tasks.get("j1", "t1");
    expect(fetch.calls[0]!.signal).toBeUndefined();
  });
});
