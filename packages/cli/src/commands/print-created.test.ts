// task add and job create from the bundle against an emulator that fails every read of a task
// or job (Task_Get, Job_Get) and nothing else: the add has happened, so the command succeeds,
// prints what the add's answer said and warns on one line; it never reports the add as failed.
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lines, runBatch } from "../test-support/batch-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  const alwaysFails = { rate: 1, kinds: { "500": 1 } };
  ({ emulator, env } = await startTestEmulator({
    faults: { operations: { Task_Get: alwaysFails, Job_Get: alwaysFails } },
  }));
  emulator.service.addJob({ id: "j", poolInfo: { poolId: "p" } });
});

afterAll(async () => {
  await emulator?.close();
});

describe("a failed read-back after an add", () => {
  it("still reports the task and the job as created, with a one-line warning", async () => {
    // No retries: the emulator lets a request through after a few faults in a row.
    const [task, job] = await Promise.all([
      runBatch(
        [
          "task",
          "add",
          "--job-id",
          "j",
          "--task-id",
          "t1",
          "--command-line",
          "x",
          "--max-retries",
          "0",
        ],
        { env },
      ),
      runBatch(["job", "create", "--job-id", "j2", "--pool-id", "p", "--max-retries", "0"], {
        env,
      }),
    ]);
    expect(task.code).toBe(0);
    expect(JSON.parse(task.stdout)).toEqual({
      jobId: "j",
      taskId: "t1",
      added: true,
      eTag: expect.any(String),
      lastModified: expect.any(String),
      dataServiceId: expect.stringContaining("/jobs/j/tasks/t1"),
      requestId: expect.any(String),
      clientRequestId: expect.any(String),
    });
    expect(lines(task.stderr)).toEqual([
      expect.stringMatching(
        /^warning: task t1 of job j was created, but reading it back failed: \w+: .*\(request-id \S+\)$/,
      ),
    ]);
    expect(emulator.service.getTask("j", "t1").body.commandLine).toBe("x");

    expect(job.code).toBe(0);
    expect(JSON.parse(job.stdout)).toMatchObject({ jobId: "j2", created: true });
    expect(lines(job.stderr)).toEqual([
      expect.stringMatching(/^warning: job j2 was created, but reading it back failed: /),
    ]);
    expect(emulator.service.listJobs({}).value.map((created) => created.id)).toContain("j2");
  });
});
