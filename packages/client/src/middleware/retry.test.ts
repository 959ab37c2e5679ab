import { afterEach, describe, expect, it, vi } from "vitest";
import { isBatchError } from "../errors.js";
import {
  empty,
  hang,
  json,
  networkError,
  scriptedFetch,
  serviceErrorResponse,
  testClient,
} from "../test-support/scripted-fetch.js";
import { type RetryInfo, retryAfterMs } from "./retry.js";

afterEach(() => {
  vi.useRealTimers();
});

/** A fake clock that only the injected sleep moves. */
function fakeTime(start = Date.parse("2030-01-01T00:00:00Z")) {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    slept,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe("retryMiddleware", () => {
  it("keeps the client-request-id and re-signs with a fresh ocp-date on every attempt", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    const fetch = scriptedFetch((seen) =>
      seen.index < 2 ? serviceErrorResponse(503, "ServerBusy") : json({ id: "t1" }),
    );
    const client = testClient(fetch, {
      retry: {
        sleep: async () => {
          vi.setSystemTime(Date.now() + 2000);
        },
      },
    });
    await client.tasks.add("j1", { id: "t1", commandLine: "echo" });
    expect(fetch.calls).toHaveLength(3);
    const ids = fetch.calls.map((c) => c.headers.get("client-request-id"));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    const dates = fetch.calls.map((c) => c.headers.get("ocp-date"));
    expect(dates).toEqual([
      "Tue, 01 Jan 2030 00:00:00 GMT",
      "Tue, 01 Jan 2030 00:00:02 GMT",
      "Tue, 01 Jan 2030 00:00:04 GMT",
    ]);
    const signatures = fetch.calls.map((c) => c.headers.get("authorization"));
    expect(new Set(signatures).size).toBe(3);
    // the body goes out whole every time
    expect(new Set(fetch.calls.map((c) => c.body))).toEqual(
      new Set(['{"id":"t1","commandLine":"echo"}']),
    );
  });

  it("honours Retry-After in seconds and as an HTTP date, capped by maxRetryAfterMs", async () => {
    const time = fakeTime();
    const answers = [
      () => serviceErrorResponse(429, "TooManyRequests", "slow down", { "retry-after": "7" }),
      () =>
        serviceErrorResponse(503, "ServerBusy", "busy", {
          "retry-after": new Date(time.now() + 5000).toUTCString(),
        }),
      () => serviceErrorResponse(503, "ServerBusy", "busy", { "retry-after": "3600" }),
      () => json({ id: "t1" }),
    ];
    const fetch = scriptedFetch((seen) => answers[seen.index]!());
    await testClient(fetch, {
      retry: { ...time, maxRetryAfterMs: 20_000, maxElapsedMs: 1e9 },
    }).tasks.get("j1", "t1");
    expect(time.slept).toEqual([7000, 5000, 20_000]);
  });

  it("backs off exponentially with full jitter when there is no Retry-After", async () => {
    const time = fakeTime();
    const fetch = scriptedFetch((seen) => (seen.index < 4 ? empty(500) : json({})));
    await testClient(fetch, {
      retry: { ...time, random: () => 0.5, baseDelayMs: 100, maxDelayMs: 500, maxRetries: 4 },
    }).tasks.get("j1", "t1");
    // ceilings 100, 200, 400, 500 (capped) times the jitter draw 0.5
    expect(time.slept).toEqual([50, 100, 200, 250]);
  });

  it("draws each delay uniformly below the ceiling: delay = floor(random x ceiling)", async () => {
    const time = fakeTime();
    const draws = [0, 0.999, 0.3, 0.75];
    const fetch = scriptedFetch((seen) =>
      seen.index < 4 ? serviceErrorResponse(503, "ServerBusy") : json({}),
    );
    await testClient(fetch, {
      retry: {
        ...time,
        random: () => draws.shift()!,
        baseDelayMs: 1000,
        maxDelayMs: 6000,
        maxRetries: 4,
        maxElapsedMs: 1e9,
      },
    }).tasks.get("j1", "t1");
    // ceilings 1000, 2000, 4000, 6000 (capped)
    expect(time.slept).toEqual([0, 1998, 1200, 4500]);
  });

  it("stops after maxRetries and reports the last answer with the attempt count", async () => {
    const time = fakeTime();
    const fetch = scriptedFetch(() => serviceErrorResponse(503, "ServerBusy"));
    const error = await testClient(fetch, { retry: { ...time, maxRetries: 2 } })
      .tasks.get("j1", "t1")
      .catch((e: unknown) => e);
    expect(fetch.calls).toHaveLength(3);
    expect(error).toMatchObject({ status: 503, code: "ServerBusy", attempts: 3, retried: true });
  });

  it("starts no retry that would end past maxElapsedMs", async () => {
    const time = fakeTime();
    const fetch = scriptedFetch(() =>
      serviceErrorResponse(503, "ServerBusy", "busy", { "retry-after-ms": "400" }),
    );
    const error = await testClient(fetch, {
      retry: { ...time, maxRetries: 100, maxElapsedMs: 1000 },
    })
      .tasks.get("j1", "t1")
      .catch((e: unknown) => e);
    // 0 + 400 and 400 + 400 fit in 1000 ms; 800 + 400 does not
    expect(fetch.calls).toHaveLength(3);
    expect(time.slept).toEqual([400, 400]);
    expect(isBatchError(error) && error.attempts).toBe(3);
  });

  it.each([400, 401, 403, 404, 409, 412])("never retries %i", async (status) => {
    const fetch = scriptedFetch(() => serviceErrorResponse(status, "Nope"));
    const error = await testClient(fetch)
      .tasks.get("j1", "t1")
      .catch((e: unknown) => e);
    expect(fetch.calls).toHaveLength(1);
    expect(error).toMatchObject({ status, attempts: 1, retried: false });
  });

  it.each([408, 429, 500, 502, 503, 504])("retries %i", async (status) => {
    const fetch = scriptedFetch((seen) => (seen.index === 0 ? empty(status) : json({ id: "t1" })));
    const task = await testClient(fetch).tasks.get("j1", "t1");
    expect(fetch.calls).toHaveLength(2);
    expect(task.meta.attempts).toBe(2);
  });

  it("retries connection errors, and reports one that outlasts the budget as kind network", async () => {
    const recovering = scriptedFetch((seen) => {
      if (seen.index === 0) throw networkError();
      return json({ id: "t1" });
    });
    expect((await testClient(recovering).tasks.get("j1", "t1")).id).toBe("t1");

    const down = scriptedFetch(() => {
      throw networkError();
    });
    const error = await testClient(down, { retry: { maxRetries: 1 } })
      .tasks.get("j1", "t1")
      .catch((e: unknown) => e);
    expect(down.calls).toHaveLength(2);
    expect(error).toMatchObject({
      name: "BatchError",
      kind: "network",
      operation: "Task_Get",
      attempts: 2,
    });
    expect(isBatchError(error) && error.message).toContain("fetch failed");
  });

  it("calls onRetry before each wait with the failure and a redacted request", async () => {
    const seen: RetryInfo[] = [];
    const fetch = scriptedFetch((call) => {
      if (call.index === 0) throw networkError();
      if (call.index === 1)
        return serviceErrorResponse(503, "ServerBusy", "busy", { "retry-after": "2" });
      return json({});
    });
    await testClient(fetch, { retry: { onRetry: (info) => void seen.push(info) } }).tasks.get(
      "j1",
      "t1",
    );
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({
      attempt: 1,
      operation: "Task_Get",
      error: { kind: "network" },
    });
    expect(seen[0]!.response).toBeUndefined();
    expect(seen[1]).toMatchObject({ attempt: 2, delayMs: 2000, response: { status: 503 } });
    expect(seen[1]!.request.method).toBe("GET");
    expect(seen[1]!.request.url).toContain("/jobs/j1/tasks/t1?api-version=");
  });

  it("stops at once when aborted during an attempt", async () => {
    const controller = new AbortController();
    const fetch = scriptedFetch((seen) => {
      queueMicrotask(() => controller.abort(new Error("user gave up")));
      return hang(seen);
    });
    const error = await testClient(fetch)
      .tasks.get("j1", "t1", { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(fetch.calls).toHaveLength(1);
    expect(error).toMatchObject({ name: "BatchError", kind: "aborted", operation: "Task_Get" });
  });

  it("stops at once when aborted during a backoff sleep", async () => {
    const controller = new AbortController();
    const fetch = scriptedFetch(() =>
      serviceErrorResponse(503, "ServerBusy", "busy", { "retry-after": "3600" }),
    );
    const client = testClient(fetch, {
      retry: {
        // the real sleep: without the abort this test would wait an hour
        sleep: undefined,
        maxRetryAfterMs: 3_600_000,
        maxElapsedMs: 10_000_000,
        onRetry: () => {
          setTimeout(() => controller.abort(), 0);
        },
      },
    });
    const error = await client.tasks
      .get("j1", "t1", { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(fetch.calls).toHaveLength(1);
    expect(error).toMatchObject({ kind: "aborted" });
  });

  it("sends nothing when the signal is already aborted", async () => {
    const fetch = scriptedFetch(() => json({}));
    await expect(
      testClient(fetch).tasks.get("j1", "t1", { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ kind: "aborted" });
    expect(fetch.calls).toHaveLength(0);
  });

  it("makes a single attempt with retry: false", async () => {
    const fetch = scriptedFetch(() => empty(503));
    await expect(testClient(fetch, { retry: false }).tasks.get("j1", "t1")).rejects.toMatchObject({
      status: 503,
      attempts: 1,
    });
    expect(fetch.calls).toHaveLength(1);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");
  it("reads seconds, HTTP dates and millisecond headers, and ignores junk", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "3" }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ "retry-after": "Tue, 01 Jan 2030 00:00:10 GMT" }), now)).toBe(
      10_000,
    );
    expect(retryAfterMs(new Headers({ "retry-after": "Mon, 31 Dec 2029 00:00:00 GMT" }), now)).toBe(
      0,
    );
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250" }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ "x-ms-retry-after-ms": "75" }), now)).toBe(75);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });
});
