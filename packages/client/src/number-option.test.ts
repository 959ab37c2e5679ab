import { describe, expect, it } from "vitest";
import { numberOption } from "./number-option.js";
import { json, scriptedFetch, testClient } from "./test-support/scripted-fetch.js";

describe("numberOption", () => {
  it("gives the value, or the fallback when unset, and refuses anything but a number of at least min", () => {
    expect(numberOption({ n: 3 }, "n", 7)).toBe(3);
    expect(numberOption({}, "n" as never, 7)).toBe(7);
    expect(numberOption({ n: 0 }, "n", 7)).toBe(0);
    expect(numberOption({ n: Number.POSITIVE_INFINITY }, "n", 7)).toBe(Number.POSITIVE_INFINITY);
    for (const n of [Number.NaN, -1, "5", null]) {
      expect(() => numberOption({ n }, "n", 7)).toThrow(new TypeError("n must be a number >= 0"));
    }
    expect(() => numberOption({ n: 0 }, "n", 7, 1)).toThrow(/n must be a number >= 1/);
  });

  it("guards every numeric option of addMany, waitFor, retry and the client, naming it", async () => {
    const fetch = scriptedFetch(() => json({ value: [] }));
    const client = testClient(fetch);
    const tasks = [{ id: "t", commandLine: "x" }];
    for (const option of [
      "concurrency",
      "maxTasksPerRequest",
      "maxAttemptsPerTask",
      "maxRequestBytes",
      "retryDelayMs",
    ]) {
      await expect(client.tasks.addMany("j", tasks, { [option]: Number.NaN })).rejects.toThrow(
        new RegExp(`^${option} must be a number`),
      );
    }
    await expect(client.tasks.addMany("j", tasks, { concurrency: 0 })).rejects.toThrow(
      /^concurrency must be a number >= 1$/,
    );
    for (const option of ["timeoutMs", "pollIntervalMs"]) {
      await expect(client.tasks.waitFor("j", { [option]: Number.NaN })).rejects.toThrow(
        new RegExp(`^${option} must be a number`),
      );
    }
    for (const option of [
      "maxRetries",
      "baseDelayMs",
      "maxDelayMs",
      "maxRetryAfterMs",
      "maxElapsedMs",
    ]) {
      expect(() => testClient(fetch, { retry: { [option]: Number.NaN } })).toThrow(
        new RegExp(`^${option} must be a number`),
      );
    }
    expect(() => testClient(fetch, { timeoutMs: Number.NaN })).toThrow(/^timeoutMs must be/);
    // Nothing was sent by any refused call.
    expect(fetch.calls).toHaveLength(0);
  });
});
