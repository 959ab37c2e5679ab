// The retry budget from the bundled file: BATCH_MAX_RETRIES sets how often a throttled request
// is sent again, and --max-retries wins over it. The emulator answers every Job_Get with a 503
// that asks for a 1 ms wait, and counts the attempts.
import type { Emulator, OperationMiddleware } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBatch } from "../test-support/batch-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";

const attempts = new Map<string, number>();

const alwaysBusy: OperationMiddleware = async (call, next) => {
  if (call.operation !== "Job_Get") return next();
  const job = call.params.jobId ?? "";
  attempts.set(job, (attempts.get(job) ?? 0) + 1);
  return Response.json(
    { code: "ServerBusy", message: { lang: "en-US", value: "busy" } },
    { status: 503, headers: { "retry-after-ms": "1" } },
  );
};

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  ({ emulator, env } = await startTestEmulator({ faults: alwaysBusy }));
});

afterAll(async () => {
  await emulator?.close();
});

describe("BATCH_MAX_RETRIES", () => {
  it("sets the retries of a failed request, and --max-retries wins over it", async () => {
    const runs = await Promise.all([
      runBatch(["job", "get", "--job-id", "env-0"], { env: { ...env, BATCH_MAX_RETRIES: "0" } }),
      runBatch(["job", "get", "--job-id", "env-2"], { env: { ...env, BATCH_MAX_RETRIES: "2" } }),
      runBatch(["job", "get", "--job-id", "flag-1", "--max-retries", "1"], {
        env: { ...env, BATCH_MAX_RETRIES: "3" },
      }),
    ]);
    expect(runs.map((run) => run.code)).toEqual([6, 6, 6]);
    expect(Object.fromEntries(attempts)).toEqual({ "env-0": 1, "env-2": 3, "flag-1": 2 });
  });
});
