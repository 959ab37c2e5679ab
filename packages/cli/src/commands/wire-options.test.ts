// Every per-call option of every command, checked where it matters: on the wire. The emulator
// records each call it receives (an OperationMiddleware sees the operation, its query and the
// request's headers and body); each command runs from the bundled file with every option it
// takes, and the call that arrived must carry each one. Conditions are chosen so that they do
// not hold: nothing changes, and what is checked is what was sent.
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator, OperationMiddleware } from "@batch/testing";
import type { OperationId } from "@batch/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lines, runBatch } from "../test-support/batch-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";

interface ArrivedCall {
  operation: OperationId;
  jobId: string | undefined;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

const arrived: ArrivedCall[] = [];
const recordCalls: OperationMiddleware = (call, next) => {
  arrived.push({
    operation: call.operation,
    jobId: call.params.jobId,
    query: Object.fromEntries(call.query),
    headers: Object.fromEntries(call.request.headers),
    body: call.body,
  });
  return next();
};

let emulator: Emulator;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), "batch-wire-"));

// Dates within the emulator's 15 minutes, in the HTTP form the service takes.
const ocpDate = new Date(Date.now() - 60_000).toUTCString();
const modifiedSince = "Mon, 01 Jan 2024 00:00:00 GMT";
const unmodifiedSince = "Tue, 02 Jan 2024 00:00:00 GMT";

/** The request group every service call takes; `id` is the client-request-id. */
function callFlags(id: string): string[] {
  return [
    "--timeout",
    "17",
    "--client-request-id",
    id,
    "--return-client-request-id",
    "--ocp-date",
    ocpDate,
  ];
}

function callHeaders(id: string): Record<string, string> {
  return { "client-request-id": id, "return-client-request-id": "true", "ocp-date": ocpDate };
}

const conditionFlags = [
  "--if-match",
  '"0x8DC0000000000A1"',
  "--if-none-match",
  '"0x8DC0000000000B2"',
  "--if-modified-since",
  modifiedSince,
  "--if-unmodified-since",
  unmodifiedSince,
];

const conditionHeaders = {
  "if-match": '"0x8DC0000000000A1"',
  "if-none-match": '"0x8DC0000000000B2"',
  "if-modified-since": modifiedSince,
  "if-unmodified-since": unmodifiedSince,
};

interface WireCase {
  name: string;
  /** The command, given the case's client-request-id and its own job id. */
  args: (id: string, job: string) => string[];
  input?: string;
  operation: OperationId;
  query?: Record<string, string>;
  headers?: (id: string) => Record<string, string>;
  body?: unknown;
  /** Found by job id when the command may not name a client-request-id. */
  byJob?: true;
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const conditionalHeaders = (id: string) => ({ ...callHeaders(id), ...conditionHeaders });

/**
 * `batch <words> --job-id <job>`, with `--task-id t` for a command on the job's task, then
 * `extra`, the four conditions for a conditional call, and the request group.
 */
function commandOn(
  words: readonly string[],
  options: { task?: boolean; extra?: readonly string[]; conditional?: boolean } = {},
): WireCase["args"] {
  return (id, job) => [
    ...words,
    "--job-id",
    job,
    ...(options.task ? ["--task-id", "t"] : []),
    ...(options.extra ?? []),
    ...(options.conditional ? conditionFlags : []),
    ...callFlags(id),
  ];
}

/** Every query option of a list, and what it must put in the query string. */
function listFlags(maxResults: string): string[] {
  return [
    "--select",
    "id",
    "--expand",
    "stats",
    "--filter",
    "state eq 'active'",
    "--max-results",
    maxResults,
  ];
}

function listQuery(maxResults: string): Record<string, string> {
  return {
    timeout: "17",
    $select: "id",
    $expand: "stats",
    $filter: "state eq 'active'",
    maxresults: maxResults,
  };
}

const cases: WireCase[] = [
  {
    name: "task add (flags)",
    args: commandOn(["task", "add"], { extra: ["--task-id", "t-new", "--command-line", "echo"] }),
    operation: "Task_Add",
    query: { timeout: "17" },
    headers: callHeaders,
    body: { id: "t-new", commandLine: "echo" },
  },
  {
    name: "task add (--json-file)",
    args: commandOn(["task", "add"], {
      extra: ["--json-file", file("task.json", { id: "t-file", commandLine: "echo" })],
    }),
    operation: "Task_Add",
    query: { timeout: "17" },
    headers: callHeaders,
    body: { id: "t-file" },
  },
  {
    name: "task add-collection --single-call",
    args: commandOn(["task", "add-collection"], {
      extra: ["--json-file", "-", "--single-call"],
    }),
    input: '{"id":"c1","commandLine":"x"}\n{"id":"c2","commandLine":"x"}\n',
    operation: "Task_AddCollection",
    query: { timeout: "17" },
    headers: callHeaders,
    body: { value: [{ id: "c1" }, { id: "c2" }] },
  },
  {
    name: "task add-collection (streamed): --timeout on every request",
    args: (_id, job) => [
      "task",
      "add-collection",
      "--job-id",
      job,
      "--json-file",
      "-",
      "--timeout",
      "23",
    ],
    input: '{"id":"s1","commandLine":"x"}\n',
    operation: "Task_AddCollection",
    query: { timeout: "23" },
    body: { value: [{ id: "s1" }] },
    byJob: true,
  },
  {
    name: "task get",
    args: commandOn(["task", "get"], {
      task: true,
      extra: ["--select", "id,state", "--expand", "stats"],
      conditional: true,
    }),
    operation: "Task_Get",
    query: { timeout: "17", $select: "id,state", $expand: "stats" },
    headers: conditionalHeaders,
  },
  {
    name: "task list",
    args: commandOn(["task", "list"], {
      extra: listFlags("5"),
    }),
    operation: "Task_List",
    query: listQuery("5"),
    headers: callHeaders,
  },
  {
    name: "task list-subtasks",
    args: commandOn(["task", "list-subtasks"], { task: true, extra: ["--select", "id,state"] }),
    operation: "Task_ListSubtasks",
    query: { timeout: "17", $select: "id,state" },
    headers: callHeaders,
  },
  {
    name: "task update",
    args: commandOn(["task", "update"], {
      task: true,
      extra: ["--max-task-retry-count", "2"],
      conditional: true,
    }),
    operation: "Task_Update",
    query: { timeout: "17" },
    headers: conditionalHeaders,
    body: { constraints: { maxTaskRetryCount: 2 } },
  },
  ...(["terminate", "reactivate"] as const).map(
    (command): WireCase => ({
      name: `task ${command}`,
      args: commandOn(["task", command], { task: true, conditional: true }),
      operation: command === "terminate" ? "Task_Terminate" : "Task_Reactivate",
      query: { timeout: "17" },
      headers: conditionalHeaders,
    }),
  ),
  {
    name: "task delete",
    args: commandOn(["task", "delete"], { task: true, extra: ["--yes"], conditional: true }),
    operation: "Task_Delete",
    query: { timeout: "17" },
    headers: conditionalHeaders,
  },
  {
    name: "task wait --filter",
    args: (_id, job) => ["task", "wait", "--job-id", job, "--filter", "startswith(id,'t')"],
    operation: "Task_List",
    query: { $filter: "startswith(id,'t')" },
    byJob: true,
  },
  {
    name: "job create",
    args: (id, job) => ["job", "create", "--id", `${job}-new`, "--pool-id", "p", ...callFlags(id)],
    operation: "Job_Add",
    query: { timeout: "17" },
    headers: callHeaders,
    body: { poolInfo: { poolId: "p" } },
  },
  {
    name: "job get",
    args: commandOn(["job", "get"], {
      extra: ["--select", "id", "--expand", "stats"],
      conditional: true,
    }),
    operation: "Job_Get",
    query: { timeout: "17", $select: "id", $expand: "stats" },
    headers: conditionalHeaders,
  },
  {
    name: "job list",
    args: (id) => ["job", "list", ...listFlags("3"), ...callFlags(id)],
    operation: "Job_List",
    query: listQuery("3"),
    headers: callHeaders,
  },
  {
    name: "job delete",
    args: commandOn(["job", "delete"], { extra: ["--yes", "--force"], conditional: true }),
    operation: "Job_Delete",
    query: { timeout: "17", force: "true" },
    headers: conditionalHeaders,
  },
  {
    name: "job terminate",
    args: commandOn(["job", "terminate"], {
      extra: ["--force", "--terminate-reason", "done here"],
      conditional: true,
    }),
    operation: "Job_Terminate",
    query: { timeout: "17", force: "true" },
    headers: conditionalHeaders,
    body: { terminateReason: "done here" },
  },
  {
    name: "job task-counts",
    args: commandOn(["job", "task-counts"]),
    operation: "Job_GetTaskCounts",
    query: { timeout: "17" },
    headers: callHeaders,
  },
];

beforeAll(async () => {
  ({ emulator, env } = await startTestEmulator({ faults: recordCalls }));
});

afterAll(async () => {
  await emulator?.close();
});

describe("per-call options on the wire", () => {
  it("every option of every command reaches the service", async () => {
    const prepared = cases.map((wireCase, index) => {
      const job = `wire-${index}`;
      emulator.service.addJob({ id: job, poolInfo: { poolId: "p" } });
      emulator.service.addTask(job, { id: "t", commandLine: "x" });
      emulator.service.completeTask(job, "t", { exitCode: 0 });
      return { wireCase, job, id: randomUUID() };
    });
    const runs = await Promise.all(
      prepared.map(({ wireCase, job, id }) =>
        runBatch(wireCase.args(id, job), {
          env,
          ...(wireCase.input === undefined ? {} : { input: wireCase.input }),
        }),
      ),
    );
    for (const [index, { wireCase, job, id }] of prepared.entries()) {
      const run = runs[index];
      const call = arrived.find(
        (candidate) =>
          candidate.operation === wireCase.operation &&
          (wireCase.byJob
            ? candidate.jobId === job
            : candidate.headers["client-request-id"] === id),
      );
      expect(
        { name: wireCase.name, arrived: call !== undefined },
        `stderr: ${run?.stderr}`,
      ).toEqual({ name: wireCase.name, arrived: true });
      expect({ name: wireCase.name, query: call?.query }).toMatchObject({
        name: wireCase.name,
        query: wireCase.query ?? {},
      });
      expect({ name: wireCase.name, headers: call?.headers }).toMatchObject({
        name: wireCase.name,
        headers: wireCase.headers?.(id) ?? {},
      });
      if (wireCase.body !== undefined) {
        expect({ name: wireCase.name, body: call?.body }).toMatchObject({
          name: wireCase.name,
          body: wireCase.body,
        });
      }
    }
  }, 60_000);

  it("the service echoes the client-request-id asked for, in --verbose and in a write's result", async () => {
    emulator.service.addJob({ id: "echo", poolInfo: { poolId: "p" } });
    emulator.service.addTask("echo", { id: "t", commandLine: "x" });
    const [shown, stopped] = await Promise.all([
      runBatch(
        [
          "task",
          "show",
          "--job-id",
          "echo",
          "--task-id",
          "t",
          "--timeout",
          "20",
          "--return-client-request-id",
          "--client-request-id",
          "6c0e3f0a-63b9-4d43-9d4b-0e3c7b1f2a11",
          "--verbose",
          "--query",
          "id",
        ],
        { env },
      ),
      runBatch(
        [
          "task",
          "stop",
          "--job-id",
          "echo",
          "--task-id",
          "t",
          "--client-request-id",
          "9b3a5cbc-4ad8-4a4e-8d52-3b0f4f0b5f10",
          "--return-client-request-id",
        ],
        { env },
      ),
    ]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toBe("t");
    const stderr = lines(shown.stderr);
    const request = stderr.findIndex((line) => line.startsWith("-> Task_Get GET "));
    const answer = stderr.findIndex((line) => line.startsWith("<- 200 Task_Get GET "));
    expect(stderr[request]).toMatch(/\?api-version=[^&]+&timeout=20 /);
    expect(stderr.slice(request, answer)).toContain("   return-client-request-id: true");
    expect(stderr.slice(answer)).toContain(
      "   client-request-id: 6c0e3f0a-63b9-4d43-9d4b-0e3c7b1f2a11",
    );
    expect(stopped.code).toBe(0);
    expect(JSON.parse(stopped.stdout)).toMatchObject({
      clientRequestId: "9b3a5cbc-4ad8-4a4e-8d52-3b0f4f0b5f10",
    });
  });
});
