// add-collection stopped before the end of its input, from the bundled file: stopped by an
// error every request meets (an unknown job) and interrupted by Ctrl-C while standard input
// is still open. Either way the report accounts for every task read, in input order, and the
// summary says how much was added, what was not sent and where reading stopped.
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountEnv,
  type BatchRun,
  lines,
  runBatch,
  startBatch,
} from "../../test-support/batch-process.js";
import { startTestEmulator } from "../../test-support/test-emulator.js";

let emulator: Emulator;

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
  emulator.service.addJob({ id: "stop", poolInfo: { poolId: "p" } });
});

afterAll(async () => {
  await emulator?.close();
});

function ndjson(count: number): string {
  return Array.from({ length: count }, (_, i) => `{"id":"t${i}","commandLine":"x"}\n`).join("");
}

function rows(run: BatchRun): string[][] {
  return lines(run.stdout).map((line) => line.split("\t"));
}

function taskCount(jobId: string): number {
  return emulator.service.listTasks(jobId, { maxResults: 1000 }).value.length;
}

/** Runs add-collection with `input` on an open standard input, and sends SIGINT once `ready()`. */
function interruptWhen(args: string[], input: string, ready: () => boolean): Promise<BatchRun> {
  const { child, result } = startBatch(args, { env: accountEnv(emulator) });
  child.stdin.write(input);
  const poll = setInterval(() => {
    if (!ready()) return;
    clearInterval(poll);
    child.kill("SIGINT");
  }, 20);
  return result.finally(() => clearInterval(poll));
}

describe("add-collection stopped early", () => {
  it("reports every task of an unknown job as failed with JobNotFound, and exits 4", async () => {
    const run = await runBatch(
      ["task", "add-collection", "--job-id", "no-such-job", "--json-file", "-", "-o", "tsv"],
      { env: accountEnv(emulator), input: ndjson(3) },
    );
    expect(run.code).toBe(4);
    expect(rows(run).map(([id, status, code, , input]) => [id, status, code, input])).toEqual([
      ["t0", "failed", "JobNotFound", "line 1"],
      ["t1", "failed", "JobNotFound", "line 2"],
      ["t2", "failed", "JobNotFound", "line 3"],
    ]);
    const [summary, error, ...rest] = lines(run.stderr);
    expect(summary).toBe(
      "added 0 of 3 tasks; 3 failed: t0 (JobNotFound), t1 (JobNotFound), t2 (JobNotFound)",
    );
    expect(error).toMatch(/^error: JobNotFound: .*\(request-id [^)]+\)$/);
    expect(rest).toEqual([]);
  });

  it("counts the entries of a JSON array it never sent once, as not sent", async () => {
    const tasks = Array.from({ length: 450 }, (_, i) => ({ id: `a${i}`, commandLine: "x" }));
    const run = await runBatch(
      ["task", "add-collection", "--job-id", "no-such-job", "--json-file", "-", "-o", "tsv"],
      { env: accountEnv(emulator), input: JSON.stringify(tasks) },
    );
    expect(run.code).toBe(4);
    const report = rows(run);
    expect(report).toHaveLength(450);
    const failed = report.filter(([, status]) => status === "failed").length;
    const notSent = report.filter(([, status]) => status === "notSent").length;
    expect(failed + notSent).toBe(450);
    const [summary] = lines(run.stderr);
    const counts = /^added 0 of 450 tasks; (\d+) failed: .*; (\d+) not sent/.exec(summary ?? "");
    expect(counts?.slice(1).map(Number)).toEqual([failed, notSent]);
  });

  it("on Ctrl-C reports the tasks added and those read but not sent, and where reading stopped", async () => {
    // 250 lines on a standard input left open: two full chunks of 100 go out, the last 50
    // wait for more input that never comes.
    const run = await interruptWhen(
      ["task", "add-collection", "--job-id", "stop", "--json-file", "-", "-o", "tsv"],
      ndjson(250),
      () => taskCount("stop") === 200,
    );
    expect(run.code).toBe(130);
    const report = rows(run);
    expect(report).toHaveLength(250);
    expect(report.map(([id]) => id)).toEqual(Array.from({ length: 250 }, (_, i) => `t${i}`));
    const added = report.filter(([, status]) => status === "added");
    const notSent = report.filter(([, status]) => status === "notSent");
    expect(added).toHaveLength(200);
    expect(notSent).toHaveLength(50);
    // What the report says was added is exactly what the service has.
    const inService = new Set(
      emulator.service.listTasks("stop", { maxResults: 1000 }).value.map((task) => task.id),
    );
    expect(added.every(([id]) => inService.has(id))).toBe(true);
    expect(notSent.some(([id]) => inService.has(id))).toBe(false);
    expect(notSent[0]?.[4]).toBe("line 201");
    const [summary, error, ...rest] = lines(run.stderr);
    expect(summary).toBe(
      "added 200 of the 250 tasks read; 50 not sent; standard input after line 250 was not read",
    );
    expect(error).toMatch(/^error: Aborted: /);
    expect(rest).toEqual([]);
  });
});
