// Every output format, and --query, on each kind of result the commands print (a resource, a
// streamed list, counts, a write's headers, add-collection's report, wait's summary), from the
// bundled file against the emulator. The JSON output is the reference the others must match.
import { type Emulator, startEmulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { accountEnv, type BatchRun, lines, runBatch } from "../test-support/batch-process.js";
import { outputFormats } from "./output-format.js";

let emulator: Emulator;
let env: Record<string, string>;
const job = "formats";
// Colour codes start with ESC, which a regex literal may not contain.
const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

interface Case {
  name: string;
  /** The command; `{format}` makes each run's arguments unique where the command needs it. */
  args: (format: string) => string[];
  input?: (format: string) => string;
  /** How many rows a list result has (undefined: one object). */
  rows?: number;
  query: string;
}

const cases: Case[] = [
  {
    name: "task get",
    args: () => ["task", "get", "--job-id", job, "--task-id", "t0"],
    query: "id",
  },
  {
    name: "task list",
    args: () => ["task", "list", "--job-id", job, "--max-results", "2"],
    rows: 6,
    query: "length(@)",
  },
  { name: "job get", args: () => ["job", "get", "--job-id", job], query: "poolInfo.poolId" },
  { name: "job list", args: () => ["job", "list"], rows: 2, query: "[].id" },
  {
    name: "task list-subtasks",
    args: () => ["task", "list-subtasks", "--job-id", job, "--task-id", "mpi"],
    rows: 2,
    query: "[].state",
  },
  {
    name: "job task-counts",
    args: () => ["job", "task-counts", "--job-id", job],
    query: "taskCounts.completed",
  },
  {
    name: "task update",
    args: () => [
      "task",
      "update",
      "--job-id",
      job,
      "--task-id",
      "t1",
      "--max-task-retry-count",
      "1",
    ],
    query: "taskId",
  },
  {
    name: "task add-collection",
    args: () => ["task", "add-collection", "--job-id", "collections", "--json-file", "-"],
    input: (format) =>
      [1, 2, 3].map((i) => JSON.stringify({ id: `${format}-${i}`, commandLine: "x" })).join("\n"),
    rows: 3,
    query: "[].status",
  },
  {
    name: "task wait",
    args: () => ["task", "wait", "--job-id", job, "--filter", "id eq 't0'"],
    query: "succeeded",
  },
];

function run(
  testCase: Case,
  extra: string[],
  format: string,
  extraEnv: Record<string, string> = {},
): Promise<BatchRun> {
  return runBatch([...testCase.args(format), ...extra], {
    env: { ...env, ...extraEnv },
    ...(testCase.input === undefined ? {} : { input: testCase.input(format) }),
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ host: "127.0.0.1", port: 0, executor: "manual" });
  env = accountEnv(emulator);
  emulator.service.addJob({ id: job, poolInfo: { poolId: "p" } });
  emulator.service.addJob({ id: "collections", poolInfo: { poolId: "p" } });
  for (let i = 0; i < 5; i++)
    emulator.service.addTask(job, { id: `t${i}`, commandLine: `echo ${i}` });
  emulator.service.completeTask(job, "t0", { exitCode: 0 });
  emulator.service.addTask(job, {
    id: "mpi",
    commandLine: "mpirun app",
    multiInstanceSettings: { numberOfInstances: 2, coordinationCommandLine: "setup" },
  });
  emulator.service.startTask(job, "mpi");
});

afterAll(async () => {
  await emulator?.close();
});

describe.each(cases)("$name", (testCase) => {
  it("prints every format consistently with the JSON form", async () => {
    const runs = await Promise.all(
      [...outputFormats, "jsonc-color", "query"].map(async (format) => {
        if (format === "jsonc-color")
          return [
            format,
            await run(testCase, ["-o", "jsonc"], format, { FORCE_COLOR: "1" }),
          ] as const;
        if (format === "query")
          return [format, await run(testCase, ["--query", testCase.query], format)] as const;
        return [format, await run(testCase, ["-o", format], format)] as const;
      }),
    );
    const result = Object.fromEntries(runs) as Record<string, BatchRun>;
    for (const [format, outcome] of runs) {
      expect({ format, code: outcome.code }).toEqual({ format, code: 0 });
    }
    const reference = JSON.parse(result.json?.stdout ?? "") as unknown;
    // Each add-collection run adds tasks of its own, named after the format.
    // A write's headers (request ids, ETags) are new on every run; compare the rest.
    const comparable = (value: unknown): unknown => {
      if (testCase.name === "task add-collection") {
        return (value as { taskId: string }[]).map((report) => ({
          ...report,
          taskId: report.taskId.replace(/^.*-(\d+)$/, "$1"),
        }));
      }
      if (testCase.name === "task update") {
        const { eTag, lastModified, requestId, clientRequestId, dataServiceId, ...rest } =
          value as Record<string, unknown>;
        return {
          ...rest,
          headers: [eTag, lastModified, requestId, clientRequestId, dataServiceId].map(
            (h) => typeof h,
          ),
        };
      }
      return value;
    };

    expect(result.jsonc?.stdout).not.toMatch(ansi);
    expect(comparable(JSON.parse(result.jsonc?.stdout ?? ""))).toEqual(comparable(reference));
    const colored = result["jsonc-color"]?.stdout ?? "";
    expect(colored).toMatch(ansi);
    expect(comparable(JSON.parse(colored.replace(ansi, "")))).toEqual(comparable(reference));

    expect(comparable(parseYaml(result.yaml?.stdout ?? ""))).toEqual(comparable(reference));

    const ndjson = lines(result.ndjson?.stdout ?? "").map((line) => JSON.parse(line) as unknown);
    expect(comparable(testCase.rows === undefined ? ndjson[0] : ndjson)).toEqual(
      comparable(reference),
    );
    if (testCase.rows === undefined) expect(ndjson).toHaveLength(1);

    const rows = testCase.rows ?? 1;
    const tsv = lines(result.tsv?.stdout ?? "");
    expect(tsv).toHaveLength(rows);
    const table = lines(result.table?.stdout ?? "");
    expect(table).toHaveLength(rows + 2);
    expect(table[1]).toMatch(/^-+(\s+-+)*$/);
    const columns = table[0]?.trim().split(/\s{2,}/) ?? [];
    expect(columns.length).toBeGreaterThan(0);
    for (const row of tsv) expect(row.split("\t")).toHaveLength(columns.length);

    expect(result.none?.stdout).toBe("");

    const queried = JSON.parse(result.query?.stdout ?? "") as unknown;
    expect(queried).not.toBeUndefined();
    if (testCase.name !== "task add-collection") {
      const { search } = await import("jmespath");
      expect(queried).toEqual(search(reference, testCase.query));
    }
  });
});
