// add-collection's accounting when the client's addMany returns normally but has not given
// every task read an outcome (or not read the whole input): those tasks are still reported,
// and the exit status is not 0. The client here is a stand-in that does exactly that.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { BatchClient } from "@batch/client";
import type { TaskAddParameter } from "@batch/types";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../exit-codes.js";
import { openTaskSource } from "../../input/task-source.js";
import { summaryLine } from "../../output/task-add-report.js";
import type { CommandContext } from "../command-context.js";
import { addCollectionExitCode, addStreamed } from "./task-add-collection.js";

const dir = mkdtempSync(join(tmpdir(), "batch-add-collection-"));

function arrayFile(count: number): string {
  const path = join(dir, `tasks-${count}.json`);
  const tasks = Array.from({ length: count }, (_, i) => ({ id: `t${i}`, commandLine: "x" }));
  writeFileSync(path, JSON.stringify(tasks));
  return path;
}

/** A client whose addMany takes `take` tasks, reports `report` of them added, and returns. */
function clientTaking(take: number, report: number): BatchClient {
  const addMany = async (
    _jobId: string,
    tasks: AsyncIterable<TaskAddParameter>,
    options: { onTaskResult?: (outcome: { taskId: string; status: string }) => void },
  ) => {
    const iterator = tasks[Symbol.asyncIterator]();
    const taken: string[] = [];
    while (taken.length < take) {
      const next = await iterator.next();
      if (next.done) break;
      taken.push(next.value.id);
    }
    await iterator.return?.();
    for (const taskId of taken.slice(0, report))
      options.onTaskResult?.({ taskId, status: "added" });
    return { total: report, added: report, failed: 0, skipped: 0, unknown: 0, results: [] };
  };
  return { tasks: { addMany } } as unknown as BatchClient;
}

const context = {
  io: { stderr: process.stderr },
  interactive: false,
  signal: new AbortController().signal,
} as unknown as CommandContext;

describe("add-collection after addMany returns normally", () => {
  it("reports tasks taken without an outcome as unknown and the rest as not sent, exit 7", async () => {
    const source = await openTaskSource(arrayFile(10), Readable.from([]));
    const { reports, error } = await addStreamed(
      clientTaking(4, 3),
      { jobId: "j", jsonFile: "tasks.json" } as never,
      context,
      source,
    );
    expect(error).toBeUndefined();
    expect(reports.map((report) => [report.taskId, report.status])).toEqual([
      ["t0", "added"],
      ["t1", "added"],
      ["t2", "added"],
      ["t3", "unknown"],
      ...Array.from({ length: 6 }, (_, i) => [`t${i + 4}`, "notSent"]),
    ]);
    expect(addCollectionExitCode(reports, source, error)).toBe(ExitCode.tasksFailed);
    // The entries never taken are counted once, as the not-sent lines they have.
    expect(
      summaryLine(reports, {
        total: source.total,
        finished: source.finished,
        entriesRead: source.entriesRead,
        unreadPart: "tasks.json",
        unreadReported: true,
      }),
    ).toBe(
      "added 3 of 10 tasks; 1 unknown (sent, but no answer came: the service may have added them); 6 not sent (6 of them not read: tasks.json)",
    );
  });

  it("exits 7 when every task read was added but the input was not read to its end", async () => {
    const source = await openTaskSource("-", Readable.from(['{"id":"a"}\n{"id":"b"}\n']));
    const { reports, error } = await addStreamed(
      clientTaking(1, 1),
      { jobId: "j", jsonFile: "-" } as never,
      context,
      source,
    );
    expect(reports.map((report) => report.status)).toEqual(["added"]);
    expect(addCollectionExitCode(reports, source, error)).toBe(ExitCode.tasksFailed);
  });

  it("exits 0 only when every task was added and the input read to its end", async () => {
    const source = await openTaskSource(arrayFile(3), Readable.from([]));
    const { reports, error } = await addStreamed(
      clientTaking(10, 3),
      { jobId: "j", jsonFile: "tasks.json" } as never,
      context,
      source,
    );
    expect(reports.map((report) => report.status)).toEqual(["added", "added", "added"]);
    expect(addCollectionExitCode(reports, source, error)).toBe(ExitCode.ok);
  });
});

describe("add-collection when the input fails halfway", () => {
  it("reports the tasks read before, and the input's own error rather than addMany's wrapper", async () => {
    const { createBatchClient } = await import("@batch/client");
    // Two good lines, then the stream fails as a disk or a pipe can.
    const input = new Readable({ read() {} });
    input.push('{"id":"a","commandLine":"x"}\n{"id":"b","commandLine":"x"}\n');
    const client = createBatchClient({
      endpoint: "http://127.0.0.1:1",
      credential: {
        getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3.6e6 }),
      },
      fetch: async (request: string | URL | Request) => {
        const body = (await (request as Request).json()) as { value: { id: string }[] };
        const value = body.value.map((task) => ({ status: "success", taskId: task.id }));
        return new Response(JSON.stringify({ value }), {
          status: 200,
          headers: { "content-type": "application/json" },
        });
      },
    });
    const source = await openTaskSource("-", input);
    setTimeout(() => input.destroy(Object.assign(new Error("i/o error"), { code: "EIO" })), 10);
    const { reports, error } = await addStreamed(
      client,
      { jobId: "j", jsonFile: "-" } as never,
      context,
      source,
    );
    // Both were taken to fill a request that was never sent.
    expect(reports.map((report) => [report.taskId, report.status, report.code])).toEqual([
      ["a", "notSent", "InvalidJsonFile"],
      ["b", "notSent", "InvalidJsonFile"],
    ]);
    expect(error).toMatchObject({ name: "CliError", code: "InvalidJsonFile" });
    expect((error as Error).message).toMatch(/cannot read standard input: .*EIO/);
    expect(addCollectionExitCode(reports, source, error)).toBe(ExitCode.usage);
  });
});
