// Every output format, and --query, for every command that prints something (a resource, a
// streamed list, counts, a write's headers, add-collection's report, wait's summary), from the
// bundled file against the emulator. The JSON output is the reference the others must match.
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { type BatchRun, lines, runBatch } from "../test-support/batch-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";
import { outputFormats } from "./output-format.js";

let emulator: Emulator;
let env: Record<string, string>;
/** Tasks and jobs listed, counted and waited for: the writes below change other ones. */
const job = "formats";
/** The job whose tasks the writes change, one task per run. */
const writes = "writes";
// Colour codes start with ESC, which a regex literal may not contain.
const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** One run per format, each named by a slot that the commands that write use in their ids. */
const slots = [...outputFormats, "jsonc-color", "query"] as const;
type Slot = (typeof slots)[number];

interface Case {
  name: string;
  /** The command; a write names what it changes after the slot, so each run has its own. */
  args: (slot: Slot) => string[];
  input?: (slot: Slot) => string;
  /** How many rows a list result has (undefined: one object). */
  rows?: number;
  query: string;
}

const cases: Case[] = [
  {
    name: "task add",
    args: (slot) => [
      "task",
      "add",
      "--job-id",
      writes,
      "--task-id",
      `add-${slot}`,
      "--command-line",
      "echo hi",
    ],
    query: "commandLine",
  },
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
  {
    name: "task list-subtasks",
    args: () => ["task", "list-subtasks", "--job-id", job, "--task-id", "mpi"],
    rows: 2,
    query: "[].state",
  },
  {
    name: "task update",
    args: (slot) => [
      "task",
      "update",
      "--job-id",
      writes,
      "--task-id",
      `update-${slot}`,
      "--max-task-retry-count",
      "1",
    ],
    query: "taskId",
  },
  {
    name: "task terminate",
    args: (slot) => ["task", "terminate", "--job-id", writes, "--task-id", `terminate-${slot}`],
    query: "terminated",
  },
  {
    name: "task reactivate",
    args: (slot) => ["task", "reactivate", "--job-id", writes, "--task-id", `reactivate-${slot}`],
    query: "reactivated",
  },
  {
    name: "task delete",
    args: (slot) => ["task", "delete", "--job-id", writes, "--task-id", `delete-${slot}`, "--yes"],
    query: "deleted",
  },
  {
    name: "task wait",
    args: () => ["task", "wait", "--job-id", job, "--filter", "id eq 't0'"],
    query: "succeeded",
  },
  {
    name: "task add-collection",
    args: () => ["task", "add-collection", "--job-id", "collections", "--json-file", "-"],
    input: (slot) =>
      [1, 2, 3].map((i) => JSON.stringify({ id: `${slot}-${i}`, commandLine: "x" })).join("\n"),
    rows: 3,
    query: "[].status",
  },
  {
    name: "job create",
    args: (slot) => ["job", "create", "--job-id", `create-${slot}`, "--pool-id", "p"],
    query: "poolInfo.poolId",
  },
  { name: "job get", args: () => ["job", "get", "--job-id", job], query: "poolInfo.poolId" },
  {
    name: "job list",
    args: () => ["job", "list", "--filter", `id eq '${job}' or id eq 'collections'`],
    rows: 2,
    query: "[].id",
  },
  {
    name: "job delete",
    args: (slot) => ["job", "delete", "--job-id", `delete-${slot}`, "--yes"],
    query: "deleting",
  },
  {
    name: "job terminate",
    args: (slot) => ["job", "terminate", "--job-id", `terminate-${slot}`],
    query: "terminating",
  },
  {
    name: "job task-counts",
    args: () => ["job", "task-counts", "--job-id", job],
    query: "taskCounts.completed",
  },
];

// Values that differ on every run of a write: when it happened and the request that did it.
const perRun = new Set([
  "eTag",
  "lastModified",
  "creationTime",
  "stateTransitionTime",
  "startTime",
  "requestId",
  "clientRequestId",
]);

/** A result with its run's slot taken out of ids and URLs, and per-run values by their type. */
function comparable(value: unknown, slot: Slot): unknown {
  if (typeof value === "string") return value.replaceAll(slot, "*");
  if (Array.isArray(value)) return value.map((item) => comparable(item, slot));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      perRun.has(key) ? typeof item : comparable(item, slot),
    ]),
  );
}

function run(testCase: Case, slot: Slot): Promise<BatchRun> {
  const extra =
    slot === "query"
      ? ["--query", testCase.query]
      : ["-o", slot === "jsonc-color" ? "jsonc" : slot];
  return runBatch([...testCase.args(slot), ...extra], {
    env: slot === "jsonc-color" ? { ...env, FORCE_COLOR: "1" } : env,
    ...(testCase.input === undefined ? {} : { input: testCase.input(slot) }),
  });
}

beforeAll(async () => {
  ({ emulator, env } = await startTestEmulator());
  const { service } = emulator;
  for (const id of [job, "collections", writes]) service.addJob({ id, poolInfo: { poolId: "p" } });
  for (let i = 0; i < 5; i++) service.addTask(job, { id: `t${i}`, commandLine: `echo ${i}` });
  service.completeTask(job, "t0", { exitCode: 0 });
  service.addTask(job, {
    id: "mpi",
    commandLine: "mpirun app",
    multiInstanceSettings: { numberOfInstances: 2, coordinationCommandLine: "setup" },
  });
  service.startTask(job, "mpi");
  for (const slot of slots) {
    for (const verb of ["update", "terminate", "reactivate", "delete"])
      service.addTask(writes, { id: `${verb}-${slot}`, commandLine: "x" });
    service.completeTask(writes, `reactivate-${slot}`, { exitCode: 1 });
    for (const verb of ["delete", "terminate"])
      service.addJob({ id: `${verb}-${slot}`, poolInfo: { poolId: "p" } });
  }
});

afterAll(async () => {
  await emulator?.close();
});

describe.each(cases)("$name", (testCase) => {
  it("prints every format consistently with the JSON form", async () => {
    const runs = await Promise.all(
      slots.map(async (slot) => [slot, await run(testCase, slot)] as const),
    );
    for (const [slot, outcome] of runs) {
      expect({ slot, code: outcome.code }, outcome.stderr).toEqual({ slot, code: 0 });
    }
    const result = Object.fromEntries(runs) as Record<Slot, BatchRun>;
    const reference = comparable(JSON.parse(result.json.stdout), "json");

    expect(result.jsonc.stdout).not.toMatch(ansi);
    expect(comparable(JSON.parse(result.jsonc.stdout), "jsonc")).toEqual(reference);
    const colored = result["jsonc-color"].stdout;
    expect(colored).toMatch(ansi);
    expect(comparable(JSON.parse(colored.replace(ansi, "")), "jsonc-color")).toEqual(reference);

    expect(comparable(parseYaml(result.yaml.stdout), "yaml")).toEqual(reference);

    const ndjson = lines(result.ndjson.stdout).map((line) => JSON.parse(line) as unknown);
    expect(comparable(testCase.rows === undefined ? ndjson[0] : ndjson, "ndjson")).toEqual(
      reference,
    );
    if (testCase.rows === undefined) expect(ndjson).toHaveLength(1);

    const rows = testCase.rows ?? 1;
    const tsv = lines(result.tsv.stdout);
    expect(tsv).toHaveLength(rows);
    const table = lines(result.table.stdout);
    expect(table).toHaveLength(rows + 2);
    expect(table[1]).toMatch(/^-+(\s+-+)*$/);
    const columns = table[0]?.trim().split(/\s{2,}/) ?? [];
    expect(columns.length).toBeGreaterThan(0);
    for (const row of tsv) expect(row.split("\t")).toHaveLength(columns.length);

    expect(result.none.stdout).toBe("");

    const { search } = await import("jmespath");
    expect(comparable(JSON.parse(result.query.stdout), "query")).toEqual(
      search(reference, testCase.query),
    );
  });
});
