// Every `batch job` command, run from the bundled file against a real emulator.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BatchRun, lines, runBatch, succeededJson } from "../../test-support/batch-process.js";
import { startTestEmulator } from "../../test-support/test-emulator.js";

let emulator: Emulator;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), "batch-job-commands-"));

function batch(args: string[], input?: string): Promise<BatchRun> {
  return runBatch(args, { env, ...(input === undefined ? {} : { input }) });
}

function jobState(id: string): string | undefined {
  return emulator.service.listJobs({}).value.find((job) => job.id === id)?.state;
}

beforeAll(async () => {
  ({ emulator, env } = await startTestEmulator());
});

afterAll(async () => {
  await emulator?.close();
});

describe("batch job", () => {
  it("creates jobs from flags and from --json-file, and shows them", async () => {
    const path = join(dir, "job.json");
    writeFileSync(
      path,
      JSON.stringify({ id: "from-file", poolInfo: { poolId: "p" }, priority: 7 }),
    );
    const [flags, fromFile] = await Promise.all([
      batch([
        "job",
        "create",
        "--id",
        "from-flags",
        "--pool-id",
        "p1",
        "--display-name",
        "Flags",
        "--priority",
        "10",
        "--max-task-retry-count",
        "2",
        "--uses-task-dependencies",
        "--on-all-tasks-complete",
        "noaction",
      ]),
      batch(["job", "add", "--json-file", path]),
    ]);
    expect(succeededJson(flags)).toMatchObject({
      id: "from-flags",
      displayName: "Flags",
      priority: 10,
      poolInfo: { poolId: "p1" },
      usesTaskDependencies: true,
      constraints: { maxTaskRetryCount: 2 },
    });
    expect(succeededJson(fromFile)).toMatchObject({ id: "from-file", priority: 7 });
    const [get, show] = await Promise.all([
      batch(["job", "get", "--job-id", "from-flags", "--select", "id,priority"]),
      batch(["job", "show", "--job-id", "from-file", "--query", "poolInfo.poolId"]),
    ]);
    expect(succeededJson(get)).toEqual({ id: "from-flags", priority: 10 });
    expect(succeededJson(show)).toBe("p");
  });

  it("lists jobs with a filter and counts tasks", async () => {
    emulator.service.addJob({ id: "counted", poolInfo: { poolId: "p" } });
    for (let i = 0; i < 4; i++)
      emulator.service.addTask("counted", { id: `t${i}`, commandLine: "x" });
    emulator.service.completeTask("counted", "t0", { exitCode: 0 });
    emulator.service.completeTask("counted", "t1", { exitCode: 3 });
    emulator.service.startTask("counted", "t2");
    const [listed, counts] = await Promise.all([
      batch(["job", "list", "--filter", "id eq 'counted'", "--query", "[].id"]),
      batch(["job", "task-counts", "--job-id", "counted"]),
    ]);
    expect(succeededJson(listed)).toEqual(["counted"]);
    expect(succeededJson(counts)).toMatchObject({
      taskCounts: { active: 1, running: 1, completed: 2, succeeded: 1, failed: 1 },
    });
  });

  it("terminates a job, and deletes one only with --yes when there is no terminal", async () => {
    emulator.service.addJob({ id: "ending", poolInfo: { poolId: "p" } });
    emulator.service.addJob({ id: "doomed", poolInfo: { poolId: "p" } });
    const [terminated, refused] = await Promise.all([
      batch(["job", "stop", "--job-id", "ending", "--terminate-reason", "done"]),
      batch(["job", "delete", "--job-id", "doomed"]),
    ]);
    expect(succeededJson(terminated)).toMatchObject({ jobId: "ending", terminating: true });
    expect(["terminating", "completed"]).toContain(jobState("ending"));
    expect(refused.code).toBe(2);
    expect(lines(refused.stderr)).toHaveLength(1);
    expect(jobState("doomed")).toBe("active");
    const deleted = await batch(["job", "delete", "--job-id", "doomed", "--yes"]);
    expect(succeededJson(deleted)).toMatchObject({ jobId: "doomed", deleting: true });
    expect(jobState("doomed")).not.toBe("active");
  });

  it("deletes a job with the rm alias, under the same confirmation rule", async () => {
    emulator.service.addJob({ id: "rm-job", poolInfo: { poolId: "p" } });
    const refused = await batch(["job", "rm", "--job-id", "rm-job"]);
    expect(refused.code).toBe(2);
    expect(jobState("rm-job")).toBe("active");
    const removed = await batch(["job", "rm", "--job-id", "rm-job", "--yes"]);
    expect(succeededJson(removed)).toMatchObject({ jobId: "rm-job", deleting: true });
    expect(jobState("rm-job")).not.toBe("active");
  });
});
