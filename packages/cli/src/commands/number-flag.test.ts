// Numeric flags from the bundled file: every one refuses what is not a number in its range
// (exit 2, one line naming the flag and the value as typed) before any request is made, and
// values in range reach the service as numbers.
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lines, runBatch } from "../test-support/batch-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";
import { numberRules, parseNumberSetting } from "./number-flag.js";

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  ({ emulator, env } = await startTestEmulator());
  emulator.service.addJob({ id: "numbers", poolInfo: { poolId: "pool" } });
  emulator.service.addTask("numbers", {
    id: "t1",
    commandLine: "echo",
    constraints: { maxTaskRetryCount: 3 },
  });
});

afterAll(async () => {
  await emulator?.close();
});

const taskAdd = ["task", "add", "--job-id", "numbers", "--id", "new", "--command-line", "echo"];
const jobCreate = ["job", "create", "--id", "new-job", "--pool-id", "pool"];
const taskList = ["task", "list", "--job-id", "numbers"];

// [command line, flag, value as typed, expected wording]
const refused: [string[], string, string, string][] = [
  [taskAdd, "--required-slots", "abc", "a whole number of 1 or more"],
  [taskAdd, "--required-slots", "0", "a whole number of 1 or more"],
  [taskAdd, "--max-task-retry-count", "-2", "a whole number of -1 or more"],
  [taskAdd, "--timeout", "abc", "a whole number of 1 or more"],
  [
    ["task", "update", "--job-id", "numbers", "--id", "t1"],
    "--max-task-retry-count",
    "xyz",
    "a whole number of -1 or more",
  ],
  [jobCreate, "--priority", "abc", "a whole number from -1000 to 1000"],
  [jobCreate, "--priority", "1001", "a whole number from -1000 to 1000"],
  [jobCreate, "--priority", "1.5", "a whole number from -1000 to 1000"],
  [jobCreate, "--max-task-retry-count", "1e3", "a whole number of -1 or more"],
  [taskList, "--max-results", "abc", "a whole number from 1 to 1000"],
  [taskList, "--max-results", "1001", "a whole number from 1 to 1000"],
  [taskList, "--max-items", "abc", "a whole number of 1 or more"],
  [taskList, "--max-items", "0x10", "a whole number of 1 or more"],
  [taskList, "--max-retries", "-1", "a whole number of 0 or more"],
  [taskList, "--client-timeout", "soon", "a number of 0 or more"],
  [
    ["task", "add-collection", "--job-id", "numbers", "--json-file", "-"],
    "--concurrency",
    "abc",
    "a whole number of 1 or more",
  ],
  [["job", "list"], "--max-results", "", "a whole number from 1 to 1000"],
];

describe("numeric flags", () => {
  it("refuse values that are not numbers in range, naming the flag and the value", async () => {
    const before = emulator.service.listTasks("numbers", { maxResults: 1000 }).value.length;
    const runs = await Promise.all(
      refused.map(([command, flag, value]) => runBatch([...command, flag, value], { env })),
    );
    for (const [index, run] of runs.entries()) {
      const [command, flag, value, wording] = refused[index] ?? [[], "", "", ""];
      const name = `${command.slice(0, 2).join(" ")} ${flag} ${value}`;
      expect({ name, code: run.code, stdout: run.stdout }).toEqual({ name, code: 2, stdout: "" });
      expect(lines(run.stderr), name).toEqual([
        `error: ${flag} must be ${wording}, not ${JSON.stringify(value)}`,
      ]);
    }
    expect(emulator.service.listTasks("numbers", { maxResults: 1000 }).value).toHaveLength(before);
    expect(emulator.service.getTask("numbers", "t1").body.constraints?.maxTaskRetryCount).toBe(3);
  }, 60_000);

  it("refuse a numeric flag given twice", async () => {
    const run = await runBatch([...jobCreate, "--priority", "1", "--priority", "2"], { env });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      "error: --priority was given more than once (1, 2); give it once",
    ]);
  });

  it("send values in range, negative ones included, as numbers", async () => {
    const run = await runBatch(
      [...jobCreate, "--priority", "-1000", "--max-task-retry-count", "-1", "-o", "none"],
      { env },
    );
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    const job = emulator.service.getJob("new-job");
    expect(job.body.priority).toBe(-1000);
    expect(job.body.constraints?.maxTaskRetryCount).toBe(-1);
  });

  it("hold BATCH_MAX_RETRIES to the same rule as --max-retries", async () => {
    const run = await runBatch(taskList, { env: { ...env, BATCH_MAX_RETRIES: "two" } });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'error: BATCH_MAX_RETRIES must be a whole number of 0 or more, not "two"',
    ]);
  });
});

describe("parseNumberSetting", () => {
  it("reads decimal text within the rule", () => {
    expect(parseNumberSetting("--priority", " -12 ", numberRules.priority)).toBe(-12);
    expect(parseNumberSetting("--client-timeout", "0.5", numberRules.clientTimeout)).toBe(0.5);
    expect(() => parseNumberSetting("--timeout", "2147483648", numberRules.timeout)).toThrow(
      '--timeout must be a whole number of 1 or more, at most 2147483647, not "2147483648"',
    );
    expect(() => parseNumberSetting("--timeout", "Infinity", numberRules.timeout)).toThrow(
      /--timeout must be/,
    );
  });
});
