// The command tree from the bundled file: help with examples on every command, completion,
// version, and usage errors.
import { describe, expect, it } from "vitest";
import { lines, runBatch } from "./test-support/batch-process.js";

const commands = [
  [],
  ["task"],
  ["task", "add"],
  ["task", "add-collection"],
  ["task", "get"],
  ["task", "list"],
  ["task", "list-subtasks"],
  ["task", "update"],
  ["task", "terminate"],
  ["task", "reactivate"],
  ["task", "delete"],
  ["task", "wait"],
  ["job"],
  ["job", "create"],
  ["job", "get"],
  ["job", "list"],
  ["job", "delete"],
  ["job", "terminate"],
  ["job", "task-counts"],
  ["emulator"],
  ["emulator", "start"],
  ["profile"],
  ["profile", "set"],
  ["profile", "list"],
  ["profile", "show"],
  ["profile", "delete"],
  ["configure"],
  ["completion"],
];

describe("batch --help", () => {
  it("shows usage and examples for every command", async () => {
    const runs = await Promise.all(commands.map((command) => runBatch([...command, "--help"])));
    for (const [index, run] of runs.entries()) {
      const name = ["batch", ...(commands[index] ?? [])].join(" ");
      expect({ name, code: run.code, stderr: run.stderr }).toEqual({ name, code: 0, stderr: "" });
      expect(run.stdout, name).toContain(name);
      expect(run.stdout, name).toMatch(/\nExamples:\n/);
    }
    // Many processes at once, each compiling without a code cache: slow on a busy machine.
  }, 60_000);

  it("lists az's names as aliases", async () => {
    const task = await runBatch(["task", "--help"]);
    expect(task.stdout).toMatch(/batch task add .*\[aliases: create\]/);
    expect(task.stdout).toMatch(/batch task get .*\[aliases: show\]/);
    expect(task.stdout).toMatch(/batch task update .*\[aliases: reset\]/);
    expect(task.stdout).toMatch(/batch task terminate .*\[aliases: stop\]/);
    const job = await runBatch(["job", "--help"]);
    expect(job.stdout).toMatch(/batch job get .*\[aliases: show\]/);
    expect(job.stdout).toMatch(/batch job terminate .*\[aliases: stop\]/);
  });

  it("documents the exit statuses", async () => {
    const run = await runBatch(["--help"]);
    expect(run.stdout.replace(/\s+/g, " ")).toContain(
      "Exit status: 0 ok, 1 error, 2 usage or invalid input, 3 auth, 4 not found, 5 conflict, 6 throttled or timed out, 7 some tasks failed, 130 interrupted.",
    );
  });
});

describe("batch completion", () => {
  it("prints a shell completion script, and completes commands", async () => {
    const [script, completions, taskCompletions] = await Promise.all([
      runBatch(["completion"]),
      runBatch(["--get-yargs-completions", "batch", ""]),
      runBatch(["--get-yargs-completions", "batch", "task", ""]),
    ]);
    expect(script.code).toBe(0);
    expect(script.stdout).toContain("batch --get-yargs-completions");
    expect(lines(completions.stdout)).toEqual(
      expect.arrayContaining(["task", "job", "emulator", "profile"]),
    );
    expect(lines(taskCompletions.stdout)).toEqual(
      expect.arrayContaining(["add", "add-collection", "get", "list", "wait", "delete"]),
    );
  });

  it("completes the flags of the command being typed, and the commands from a prefix", async () => {
    const [flags, prefix] = await Promise.all([
      runBatch(["--get-yargs-completions", "batch", "task", "get", "--"]),
      runBatch(["--get-yargs-completions", "batch", "task", "g"]),
    ]);
    expect(lines(flags.stdout)).toEqual(
      expect.arrayContaining(["--job-id", "--task-id", "--select", "--if-none-match", "--output"]),
    );
    expect(lines(flags.stdout)).not.toContain("--json-file");
    expect(lines(prefix.stdout)).toEqual(expect.arrayContaining(["get", "list", "add"]));
  });

  it("offers one-letter aliases with one dash only", async () => {
    const [twoDashes, oneDash] = await Promise.all([
      runBatch(["--get-yargs-completions", "batch", "task", "list", "--"]),
      runBatch(["--get-yargs-completions", "batch", "task", "list", "-"]),
    ]);
    expect(lines(twoDashes.stdout)).toContain("--quiet");
    expect(lines(twoDashes.stdout).filter((word) => /^--[^-]$/.test(word))).toEqual([]);
    expect(lines(oneDash.stdout)).toContain("-q");
  });
});

describe("options before the command", () => {
  it("still find the command", async () => {
    const run = await runBatch(["--output", "json", "task", "-o", "json", "get", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("batch task get");
    expect(run.stdout).toContain("--if-none-match");
  });
});

describe("no command", () => {
  it("asks for one with exit 2, listing the commands of the level", async () => {
    const [top, task, job] = await Promise.all([
      runBatch([]),
      runBatch(["task"]),
      runBatch(["job", "-o", "json"]),
    ]);
    expect([top.code, task.code, job.code]).toEqual([2, 2, 2]);
    expect(lines(top.stderr)).toEqual([
      "error: choose a command: task, job, emulator, profile, configure, completion; see `batch --help`",
    ]);
    expect(lines(task.stderr)).toEqual([
      "error: choose a command: add, add-collection, get, list, list-subtasks, update, terminate, reactivate, delete, wait; see `batch task --help`",
    ]);
    expect(lines(job.stderr)).toEqual([
      "error: choose a command: create, get, list, delete, terminate, task-counts; see `batch job --help`",
    ]);
  });
});
