// Every `batch task` command, run from the bundled file against a real emulator (manual
// executor: the test moves tasks through their states), checked against the emulator's state.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BatchRun, lines, runBatch, succeededJson } from "../../test-support/batch-process.js";
import { startTestEmulator } from "../../test-support/test-emulator.js";

let emulator: Emulator;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), "batch-task-commands-"));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function batch(args: string[], input?: string): Promise<BatchRun> {
  return runBatch(args, { env, ...(input === undefined ? {} : { input }) });
}

function taskIds(jobId: string): string[] {
  return emulator.service
    .listTasks(jobId, { maxResults: 1000 })
    .value.map((task) => task.id as string)
    .sort();
}

function addJob(id: string, extra: Record<string, unknown> = {}): void {
  emulator.service.addJob({ id, poolInfo: { poolId: "pool" }, ...extra });
}

function addTasks(jobId: string, count: number, prefix = "t"): void {
  for (let i = 0; i < count; i++) {
    emulator.service.addTask(jobId, {
      id: `${prefix}${String(i).padStart(3, "0")}`,
      commandLine: `echo ${i}`,
    });
  }
}

beforeAll(async () => {
  ({ emulator, env } = await startTestEmulator());
});

afterAll(async () => {
  await emulator?.close();
});

describe("batch task add", () => {
  it("adds a task from flags and prints it as the service has it", async () => {
    addJob("add-flags", { usesTaskDependencies: true });
    const [plain, full] = await Promise.all([
      batch([
        "task",
        "add",
        "--job-id",
        "add-flags",
        "--task-id",
        "t1",
        "--command-line",
        "echo hi",
      ]),
      batch([
        "task",
        "create",
        "--job-id",
        "add-flags",
        "--id",
        "t2",
        "--command-line",
        "run.sh",
        "--display-name",
        "Second",
        "--max-wall-clock-time",
        "1h",
        "--retention-time",
        "P1D",
        "--max-task-retry-count",
        "2",
        "--environment-settings",
        "MODE=fast",
        "LEVEL=3",
        "--depends-on",
        "t1",
      ]),
    ]);
    expect(succeededJson(plain)).toMatchObject({
      id: "t1",
      commandLine: "echo hi",
      state: "active",
    });
    expect(succeededJson(full)).toMatchObject({
      id: "t2",
      displayName: "Second",
      constraints: { maxTaskRetryCount: 2, retentionTime: "P1D" },
      environmentSettings: [
        { name: "MODE", value: "fast" },
        { name: "LEVEL", value: "3" },
      ],
      dependsOn: { taskIds: ["t1"] },
    });
    expect(emulator.service.getTask("add-flags", "t2").body.constraints?.maxWallClockTime).toBe(
      "PT1H",
    );
  });

  it("adds the task of a --json-file, or of standard input with -", async () => {
    addJob("add-json");
    const path = file("task.json", JSON.stringify({ id: "from-file", commandLine: "echo file" }));
    const [fromFile, fromStdin] = await Promise.all([
      batch(["task", "add", "--job-id", "add-json", "--json-file", path]),
      batch(
        ["task", "add", "--job-id", "add-json", "--json-file", "-"],
        JSON.stringify({ id: "from-stdin", commandLine: "echo stdin" }),
      ),
    ]);
    expect(succeededJson(fromFile)).toMatchObject({ id: "from-file" });
    expect(succeededJson(fromStdin)).toMatchObject({ id: "from-stdin" });
    expect(taskIds("add-json")).toEqual(["from-file", "from-stdin"]);
  });
});

describe("batch task get", () => {
  it("shows a task, with $select, $expand and the az alias", async () => {
    addJob("get");
    emulator.service.addTask("get", { id: "t1", commandLine: "echo 1" });
    const [get, show, selected, expanded] = await Promise.all([
      batch(["task", "get", "--job-id", "get", "--task-id", "t1"]),
      batch([
        "task",
        "show",
        "--job-id",
        "get",
        "--task-id",
        "t1",
        "--timeout",
        "20",
        "--return-client-request-id",
      ]),
      batch(["task", "get", "--job-id", "get", "--task-id", "t1", "--select", "id,state"]),
      batch([
        "task",
        "get",
        "--job-id",
        "get",
        "--task-id",
        "t1",
        "--expand",
        "stats",
        "--query",
        "keys(@)",
      ]),
    ]);
    expect(succeededJson(get)).toMatchObject({ id: "t1", commandLine: "echo 1", state: "active" });
    expect(succeededJson(show)).toEqual(succeededJson(get));
    expect(succeededJson(selected)).toEqual({ id: "t1", state: "active" });
    // $expand=stats adds the task's statistics (the wire test checks the query itself).
    expect(succeededJson(expanded)).toEqual(expect.arrayContaining(["id", "stats"]));
  });

  it("honours the conditional headers: 304 and 412 exit 5", async () => {
    addJob("conditional");
    const { eTag } = emulator.service.addTask("conditional", { id: "t1", commandLine: "x" });
    const get = (...flags: string[]) =>
      batch(["task", "get", "--job-id", "conditional", "--task-id", "t1", ...flags]);
    const [unchanged, mismatch, match] = await Promise.all([
      get("--if-none-match", eTag),
      get("--if-match", '"0xdeadbeef"'),
      get("--if-match", eTag, "--query", "id"),
    ]);
    expect(unchanged.code).toBe(5);
    expect(lines(unchanged.stderr)).toEqual([
      "error: NotModified: task t1 has not been modified (304)",
    ]);
    expect(mismatch.code).toBe(5);
    expect(lines(mismatch.stderr)).toEqual([
      expect.stringMatching(/^error: ConditionNotMet: .*\(request-id .+\)$/),
    ]);
    expect(succeededJson(match)).toBe("t1");
  });
});

describe("batch task list", () => {
  it("follows every page, caps the items it prints, and filters", async () => {
    addJob("list");
    addTasks("list", 25);
    emulator.service.completeTask("list", "t003", { exitCode: 0 });
    const [all, capped, filtered, streamed] = await Promise.all([
      batch(["task", "list", "--job-id", "list", "--max-results", "10", "--query", "[].id"]),
      batch([
        "task",
        "ls",
        "--job-id",
        "list",
        "--max-results",
        "10",
        "--max-items",
        "12",
        "-o",
        "ndjson",
      ]),
      batch([
        "task",
        "list",
        "--job-id",
        "list",
        "--filter",
        "state eq 'completed'",
        "--select",
        "id,state",
      ]),
      batch(["task", "list", "--job-id", "list", "--all", "--max-results", "7", "-o", "tsv"]),
    ]);
    expect(succeededJson(all)).toEqual(
      Array.from({ length: 25 }, (_, i) => `t${String(i).padStart(3, "0")}`),
    );
    expect(capped.code).toBe(0);
    expect(lines(capped.stdout)).toHaveLength(12);
    expect(lines(capped.stderr)).toEqual([
      "showing the first 12 tasks; there are more (use --all or --max-items)",
    ]);
    expect(succeededJson(filtered)).toEqual([{ id: "t003", state: "completed" }]);
    expect(lines(streamed.stdout).map((line) => line.split("\t")[0])).toHaveLength(25);
  });

  it("shows 64-character ids whole in a table, on every page", async () => {
    addJob("long-ids");
    const longIds = ["a", "b"].map((letter) => `${letter}${"-long-task".repeat(6)}-id`);
    expect(longIds.map((id) => id.length)).toEqual([64, 64]);
    emulator.service.addTask("long-ids", { id: "short", commandLine: "x" });
    for (const id of longIds) emulator.service.addTask("long-ids", { id, commandLine: "x" });
    const [list, get] = await Promise.all([
      batch(["task", "list", "--job-id", "long-ids", "--max-results", "1", "-o", "table"]),
      batch(["task", "get", "--job-id", "long-ids", "--task-id", longIds[0] ?? "", "-o", "table"]),
    ]);
    expect([list.code, get.code]).toEqual([0, 0]);
    const listed = lines(list.stdout)
      .slice(2)
      .map((line) => line.split(/\s+/)[0]);
    expect(listed.sort()).toEqual([...longIds, "short"].sort());
    expect(lines(get.stdout)[2]?.split(/\s+/)[0]).toBe(longIds[0]);
  });
});

describe("batch task list-subtasks", () => {
  it("lists the subtasks of a multi-instance task", async () => {
    addJob("mpi");
    emulator.service.addTask("mpi", {
      id: "mpi",
      commandLine: "mpirun app",
      multiInstanceSettings: { numberOfInstances: 3, coordinationCommandLine: "setup" },
    });
    emulator.service.startTask("mpi", "mpi");
    const [run, selected] = await Promise.all([
      batch(["task", "list-subtasks", "--job-id", "mpi", "--task-id", "mpi"]),
      batch([
        "task",
        "list-subtasks",
        "--job-id",
        "mpi",
        "--task-id",
        "mpi",
        "--select",
        "id,state",
        "-o",
        "ndjson",
      ]),
    ]);
    const expected = emulator.service.listSubtasks("mpi", "mpi").value;
    expect(succeededJson(run)).toEqual(expected);
    expect(lines(selected.stdout).map((line) => Object.keys(JSON.parse(line)).sort())).toEqual(
      expected.map(() => ["id", "state"]),
    );
  });
});

describe("batch task update / terminate / reactivate / delete", () => {
  it("replaces constraints from flags, a bare constraints file, or a REST body", async () => {
    addJob("update");
    addTasks("update", 3);
    const bare = file("bare.json", JSON.stringify({ maxTaskRetryCount: 4, retentionTime: "P2D" }));
    const rest = file("rest.json", JSON.stringify({ constraints: { maxWallClockTime: "PT5M" } }));
    const [flags, bareRun, restRun] = await Promise.all([
      batch([
        "task",
        "update",
        "--job-id",
        "update",
        "--task-id",
        "t000",
        "--max-task-retry-count",
        "1",
      ]),
      batch(["task", "reset", "--job-id", "update", "--task-id", "t001", "--json-file", bare]),
      batch(["task", "reset", "--job-id", "update", "--task-id", "t002", "--json-file", rest]),
    ]);
    expect(succeededJson(flags)).toMatchObject({
      jobId: "update",
      taskId: "t000",
      eTag: expect.any(String),
    });
    expect(succeededJson(bareRun)).toMatchObject({ taskId: "t001" });
    expect(succeededJson(restRun)).toMatchObject({ taskId: "t002" });
    expect(emulator.service.getTask("update", "t000").body.constraints?.maxTaskRetryCount).toBe(1);
    expect(emulator.service.getTask("update", "t001").body.constraints).toMatchObject({
      maxTaskRetryCount: 4,
      retentionTime: "P2D",
    });
    expect(emulator.service.getTask("update", "t002").body.constraints?.maxWallClockTime).toBe(
      "PT5M",
    );
  });

  it("terminates, reactivates and deletes, asking before deleting", async () => {
    addJob("state");
    addTasks("state", 3);
    emulator.service.completeTask("state", "t001", { exitCode: 1 });
    const [terminated, reactivated] = await Promise.all([
      batch([
        "task",
        "stop",
        "--job-id",
        "state",
        "--task-id",
        "t000",
        "--client-request-id",
        "9b3a5cbc-4ad8-4a4e-8d52-3b0f4f0b5f10",
        "--return-client-request-id",
      ]),
      batch(["task", "reactivate", "--job-id", "state", "--task-id", "t001"]),
    ]);
    expect(succeededJson(terminated)).toMatchObject({
      taskId: "t000",
      terminated: true,
      clientRequestId: "9b3a5cbc-4ad8-4a4e-8d52-3b0f4f0b5f10",
    });
    expect(succeededJson(reactivated)).toMatchObject({ taskId: "t001", reactivated: true });
    expect(emulator.service.getTask("state", "t000").body.state).toBe("completed");
    expect(emulator.service.getTask("state", "t001").body.state).toBe("active");

    const refused = await batch(["task", "delete", "--job-id", "state", "--task-id", "t002"]);
    expect(refused.code).toBe(2);
    expect(lines(refused.stderr)).toEqual([
      "error: ConfirmationRequired: Delete task t002 of job state: refusing without --yes, as standard input is not a terminal",
    ]);
    expect(taskIds("state")).toContain("t002");
    const deleted = await batch([
      "task",
      "delete",
      "--job-id",
      "state",
      "--task-id",
      "t002",
      "--yes",
    ]);
    expect(succeededJson(deleted)).toMatchObject({ taskId: "t002", deleted: true });
    expect(taskIds("state")).not.toContain("t002");
  });

  it("deletes a task with the rm alias, under the same confirmation rule", async () => {
    addJob("rm-alias");
    addTasks("rm-alias", 1);
    const refused = await batch(["task", "rm", "--job-id", "rm-alias", "--task-id", "t000"]);
    expect(refused.code).toBe(2);
    expect(taskIds("rm-alias")).toEqual(["t000"]);
    const removed = await batch([
      "task",
      "rm",
      "--job-id",
      "rm-alias",
      "--task-id",
      "t000",
      "--yes",
    ]);
    expect(succeededJson(removed)).toMatchObject({ taskId: "t000", deleted: true });
    expect(taskIds("rm-alias")).toEqual([]);
  });
});

describe("batch task wait", () => {
  it("exits 0 when every task succeeded and 7 when some failed, printing the counts", async () => {
    addJob("wait-ok");
    addJob("wait-failed");
    addTasks("wait-ok", 3);
    addTasks("wait-failed", 3);
    for (const id of ["t000", "t001", "t002"])
      emulator.service.completeTask("wait-ok", id, { exitCode: 0 });
    for (const [id, exitCode] of [
      ["t000", 0],
      ["t001", 2],
      ["t002", 0],
    ] as const) {
      emulator.service.completeTask("wait-failed", id, { exitCode });
    }
    const [ok, failed] = await Promise.all([
      batch(["task", "wait", "--job-id", "wait-ok"]),
      batch(["task", "wait", "--job-id", "wait-failed", "-o", "json"]),
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      total: 3,
      completed: 3,
      succeeded: 3,
      failed: 0,
    });
    expect(failed.code).toBe(7);
    expect(JSON.parse(failed.stdout)).toMatchObject({
      total: 3,
      succeeded: 2,
      failed: 1,
      failedTaskIds: ["t001"],
    });
  });

  it("names the failed tasks in its table, in id order: all, or the first 10 and how many more", async () => {
    addJob("wait-few");
    addJob("wait-many");
    // Added out of order: the service lists tasks in the order they were added.
    for (const id of ["t10", "t9", "t2"])
      emulator.service.addTask("wait-few", { id, commandLine: "x" });
    for (const [id, exitCode] of [
      ["t10", 1],
      ["t9", 0],
      ["t2", 3],
    ] as const) {
      emulator.service.completeTask("wait-few", id, { exitCode });
    }
    addTasks("wait-many", 25);
    for (let i = 0; i < 25; i++)
      emulator.service.completeTask("wait-many", `t${String(i).padStart(3, "0")}`, { exitCode: 1 });
    const [few, fewJson, many, manyJson] = await Promise.all([
      batch(["task", "wait", "--job-id", "wait-few", "-o", "table"]),
      batch(["task", "wait", "--job-id", "wait-few", "--query", "failedTaskIds"]),
      batch(["task", "wait", "--job-id", "wait-many", "-o", "table"]),
      batch(["task", "wait", "--job-id", "wait-many", "--query", "failedTaskIds"]),
    ]);
    expect([few.code, fewJson.code, many.code, manyJson.code]).toEqual([7, 7, 7, 7]);
    const [header, , row] = lines(few.stdout);
    expect(header).toMatch(/\bFailed\s+FailedTasks$/);
    expect(row).toMatch(/\s2\s+t2,t10$/);
    expect(JSON.parse(fewJson.stdout)).toEqual(["t2", "t10"]);
    const first10 = Array.from({ length: 10 }, (_, i) => `t${String(i).padStart(3, "0")}`);
    expect(lines(many.stdout)[2]).toMatch(
      new RegExp(`\\s25\\s+${first10.join(",")} and 15 more \\(-o json lists all\\)$`),
    );
    expect(JSON.parse(manyJson.stdout)).toHaveLength(25);
  });

  it("waits only for the tasks matching --filter, and exits 6 at --timeout", async () => {
    addJob("wait-filter");
    addTasks("wait-filter", 2, "done");
    addTasks("wait-filter", 1, "stuck");
    emulator.service.completeTask("wait-filter", "done000", { exitCode: 0 });
    emulator.service.completeTask("wait-filter", "done001", { exitCode: 0 });
    const [filtered, timedOut] = await Promise.all([
      batch(["task", "wait", "--job-id", "wait-filter", "--filter", "startswith(id,'done')"]),
      batch([
        "task",
        "wait",
        "--job-id",
        "wait-filter",
        "--timeout",
        "1s",
        "--interval",
        "1s",
        "-o",
        "json",
      ]),
    ]);
    expect(filtered.code).toBe(0);
    expect(JSON.parse(filtered.stdout)).toMatchObject({ total: 2, succeeded: 2 });
    expect(timedOut.code).toBe(6);
    expect(JSON.parse(timedOut.stdout)).toMatchObject({ total: 3, completed: 2, active: 1 });
    expect(lines(timedOut.stderr)).toEqual([expect.stringMatching(/^error: WaitTimedOut: /)]);
  });
});

describe("batch task wait with nothing to wait for", () => {
  it("exits 4 with a warning when --filter matches no task, 0 with a note for a job without tasks", async () => {
    addJob("wait-none");
    addJob("wait-some");
    addTasks("wait-some", 1);
    const [unmatched, empty] = await Promise.all([
      batch([
        "task",
        "wait",
        "--job-id",
        "wait-some",
        "--filter",
        "startswith(id,'zzz')",
        "-o",
        "none",
      ]),
      batch(["task", "wait", "--job-id", "wait-none", "-o", "none"]),
    ]);
    expect(unmatched.code).toBe(4);
    expect(lines(unmatched.stderr)).toEqual([
      `warning: no tasks of job "wait-some" match --filter "startswith(id,'zzz')"`,
    ]);
    expect(empty.code).toBe(0);
    expect(lines(empty.stderr)).toEqual(['job "wait-none" has no tasks']);
  });
});

describe("batch task wait --interval", () => {
  it("refuses intervals under 1s, which would poll the service without pause", async () => {
    addJob("wait-interval");
    const runs = await Promise.all(
      ["0", "500ms", "PT0.5S"].map((interval) =>
        batch(["task", "wait", "--job-id", "wait-interval", "--interval", interval]),
      ),
    );
    for (const [index, run] of runs.entries()) {
      const interval = ["0", "500ms", "PT0.5S"][index];
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toEqual([
        `error: --interval must be at least 1s, not "${interval}"`,
      ]);
    }
  });
});

describe("batch task add-collection", () => {
  it("adds any number of tasks from NDJSON on stdin, a JSON array and a value wrapper", async () => {
    addJob("collection");
    const ndjson = Array.from({ length: 250 }, (_, i) =>
      JSON.stringify({ id: `n${i}`, commandLine: "x" }),
    ).join("\n");
    const array = file(
      "array.json",
      JSON.stringify([
        { id: "a1", commandLine: "x" },
        { id: "a2", commandLine: "x" },
      ]),
    );
    const wrapper = file(
      "wrapper.json",
      JSON.stringify({ value: [{ id: "w1", commandLine: "x" }] }, null, 2),
    );
    const [fromStdin, fromArray, fromWrapper] = await Promise.all([
      batch(
        ["task", "add-collection", "--job-id", "collection", "--json-file", "-", "-o", "none"],
        ndjson,
      ),
      batch(["task", "add-collection", "--job-id", "collection", "--json-file", array]),
      batch([
        "task",
        "add-collection",
        "--job-id",
        "collection",
        "--json-file",
        wrapper,
        "--query",
        "[].status",
      ]),
    ]);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe("");
    expect(lines(fromStdin.stderr)).toEqual(["added 250 of 250 tasks"]);
    expect(fromArray.code).toBe(0);
    expect(JSON.parse(fromArray.stdout)).toEqual([
      expect.objectContaining({ taskId: "a1", status: "added" }),
      expect.objectContaining({ taskId: "a2", status: "added" }),
    ]);
    expect(JSON.parse(fromWrapper.stdout)).toEqual(["added"]);
    expect(taskIds("collection")).toHaveLength(253);
  });

  it("reports exactly which tasks were added and which failed, and exits 7", async () => {
    addJob("partial");
    const text = [
      JSON.stringify({ id: "good1", commandLine: "x" }),
      JSON.stringify({ id: "no-command" }),
      "{broken",
      JSON.stringify({ id: "bad id!", commandLine: "x" }),
      JSON.stringify({ id: "good2", commandLine: "x" }),
      JSON.stringify({ id: "GOOD1", commandLine: "x" }),
    ].join("\n");
    const run = await batch([
      "task",
      "add-collection",
      "--job-id",
      "partial",
      "--json-file",
      file("partial.ndjson", text),
    ]);
    expect(run.code).toBe(7);
    const reports = JSON.parse(run.stdout) as {
      taskId?: string;
      status: string;
      code?: string;
      input?: string;
    }[];
    const added = reports
      .filter((report) => report.status === "added")
      .map((report) => report.taskId);
    expect(added.sort()).toEqual(["good1", "good2"]);
    expect(reports.filter((report) => report.status === "failed")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ taskId: "no-command", code: "MissingRequiredProperty" }),
        expect.objectContaining({ input: "line 3", code: "InvalidJson" }),
        expect.objectContaining({ taskId: "bad id!", code: "InvalidPropertyValue" }),
        expect.objectContaining({ taskId: "GOOD1", code: "DuplicateTaskId", input: "line 6" }),
      ]),
    );
    expect(reports).toHaveLength(6);
    expect(taskIds("partial")).toEqual(["good1", "good2"]);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^added 2 of 6 tasks; 4 failed: /)]);
  });

  it("refuses more than 100 tasks with --single-call, saying how to send them", async () => {
    addJob("single-101");
    const tasks = file(
      "single-101.json",
      JSON.stringify(Array.from({ length: 101 }, (_, i) => ({ id: `s${i}`, commandLine: "x" }))),
    );
    const run = await batch(
      ["task", "add-collection", "--job-id", "single-101", "--json-file", "-", "--single-call"],
      readFileSync(tasks, "utf8"),
    );
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
    expect(lines(run.stderr)).toEqual([
      "error: InvalidTaskCount: --single-call sends at most 100 tasks (got 101); drop --single-call to stream any number",
    ]);
    expect(taskIds("single-101")).toEqual([]);
  });

  it("refuses an input without tasks, in both modes", async () => {
    addJob("empty");
    const emptyArray = file("empty.json", "[]");
    const runs = await Promise.all([
      batch(["task", "add-collection", "--job-id", "empty", "--json-file", emptyArray]),
      batch([
        "task",
        "add-collection",
        "--job-id",
        "empty",
        "--json-file",
        emptyArray,
        "--single-call",
      ]),
      batch(["task", "add-collection", "--job-id", "empty", "--json-file", "-"], "\n"),
      batch(
        ["task", "add-collection", "--job-id", "empty", "--json-file", "-", "--single-call"],
        "",
      ),
    ]);
    const where = [emptyArray, emptyArray, "standard input", "standard input"];
    for (const [index, run] of runs.entries()) {
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
      expect(lines(run.stderr)).toEqual([`error: InvalidJsonFile: no tasks in ${where[index]}`]);
    }
  });

  it("sends one request with --single-call, with every request option", async () => {
    addJob("single");
    const tasks = file(
      "single.json",
      JSON.stringify(Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, commandLine: "x" }))),
    );
    const run = await batch([
      "task",
      "add-collection",
      "--job-id",
      "single",
      "--json-file",
      tasks,
      "--single-call",
      "--timeout",
      "60",
      "--client-request-id",
      "0f4b6a57-5f0c-4c8e-9d11-2a8f2d6c3e01",
      "--ocp-date",
      new Date().toUTCString(),
    ]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { status: string }[]).map((report) => report.status)).toEqual(
      ["added", "added", "added"],
    );
    expect(taskIds("single")).toEqual(["s0", "s1", "s2"]);
  });
});
