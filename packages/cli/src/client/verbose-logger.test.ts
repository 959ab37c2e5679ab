// --verbose from the bundled file: each request and response on stderr, with the credentials
// redacted.
import { type Emulator, startEmulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountEnv, runBatch } from "../test-support/batch-process.js";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ host: "127.0.0.1", port: 0, executor: "manual" });
  emulator.service.addJob({ id: "j", poolInfo: { poolId: "p" } });
});

afterAll(async () => {
  await emulator?.close();
});

describe("--verbose", () => {
  it("prints the redacted request and response, and still one error line at the end", async () => {
    const run = await runBatch(
      ["task", "get", "--job-id", "j", "--task-id", "missing", "--verbose"],
      {
        env: accountEnv(emulator),
      },
    );
    expect(run.code).toBe(4);
    const stderr = run.stderr;
    expect(stderr).toMatch(
      /^-> Task_Get GET http:\/\/127\.0\.0\.1:\d+\/jobs\/j\/tasks\/missing\?api-version=/m,
    );
    expect(stderr).toMatch(/^ {3}authorization: REDACTED$/m);
    expect(stderr).toMatch(/^ {3}ocp-date: .+GMT$/m);
    expect(stderr).toMatch(/^<- 404 Task_Get GET /m);
    expect(stderr).toMatch(/^ {3}request-id: \S+$/m);
    expect(stderr.trimEnd().split("\n").at(-1)).toMatch(
      /^error: TaskNotFound: .*\(request-id \S+\)$/,
    );
    expect(stderr).not.toContain(emulator.key);
    expect(stderr).not.toMatch(/SharedKey \w+:/);
  });
});
