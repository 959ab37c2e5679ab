// The progress bars in a pseudo-terminal (util-linux `script` gives the command a pty): drawn
// on a terminal, absent when stderr is a pipe, absent with --quiet.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBatch } from "../test-support/batch-process.js";
import { runInTerminal } from "../test-support/terminal-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";

let emulator: Emulator;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), "batch-progress-"));

function tasksFile(name: string, count: number): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    Array.from({ length: count }, (_, i) =>
      JSON.stringify({ id: `${name}-${i}`, commandLine: "x" }),
    ).join("\n"),
  );
  return path;
}

beforeAll(async () => {
  ({ emulator, env } = await startTestEmulator());
  emulator.service.addJob({ id: "progress", poolInfo: { poolId: "p" } });
  emulator.service.addJob({ id: "waiting", poolInfo: { poolId: "p" } });
  for (let i = 0; i < 3; i++) {
    emulator.service.addTask("waiting", { id: `w${i}`, commandLine: "x" });
    emulator.service.completeTask("waiting", `w${i}`, { exitCode: i === 2 ? 1 : 0 });
  }
});

afterAll(async () => {
  await emulator?.close();
});

describe("progress bars", () => {
  it("add-collection draws added/total, rate and ETA on a terminal, and nothing when piped or --quiet", async () => {
    const add = (name: string, extra: string[] = []) => [
      "task",
      "add-collection",
      "--job-id",
      "progress",
      "--json-file",
      tasksFile(name, 150),
      "-o",
      "none",
      ...extra,
    ];
    const [terminal, quiet, piped] = await Promise.all([
      runInTerminal(add("tty"), { env }),
      runInTerminal(add("quiet", ["--quiet"]), { env }),
      runBatch(add("piped"), { env }),
    ]);
    expect(terminal.code).toBe(0);
    expect(terminal.output).toMatch(
      /Adding tasks [█░]+ 150\/150 \| 150 added, 0 failed \| \d+ tasks\/s \| ETA/,
    );
    expect(quiet.code).toBe(0);
    expect(quiet.output).not.toMatch(/Adding tasks|█|░/);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe("added 150 of 150 tasks\n");
  });

  it("add-collection from NDJSON on stdin (no known total) draws added count and rate, no bar or ETA", async () => {
    const run = await runInTerminal(
      ["task", "add-collection", "--job-id", "progress", "--json-file", "-", "-o", "none"],
      { env, pipedFrom: tasksFile("stdin", 150) },
    );
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/Adding tasks 150 done \| 150 added, 0 failed \| \d+ tasks\/s/);
    expect(run.output).not.toMatch(/ETA|█|░|\/150/);
    expect(
      emulator.service.listTasks("progress", { filter: "startswith(id,'stdin-')" }).value,
    ).toHaveLength(150);
  });

  it("wait draws counts by state on a terminal, and nothing when piped", async () => {
    const args = ["task", "wait", "--job-id", "waiting", "-o", "none"];
    const [terminal, piped] = await Promise.all([
      runInTerminal(args, { env }),
      runBatch(args, { env }),
    ]);
    expect(terminal.code).toBe(7);
    expect(terminal.output).toMatch(
      /Waiting [█░]+ 3\/3 completed \| 0 active, 0 running \| 2 succeeded, 1 failed/,
    );
    expect(piped.code).toBe(7);
    expect(piped.stderr).toBe("");
  });

  it("defaults to a table on a terminal, with colours unless NO_COLOR is set", async () => {
    const args = ["task", "list", "--job-id", "waiting"];
    const [colored, plain] = await Promise.all([
      runInTerminal(args, { env }),
      runInTerminal(args, { env: { ...env, NO_COLOR: "1" } }),
    ]);
    expect(colored.output).toMatch(/Id.*State.*\r?\n-+/);
    expect(colored.output).toMatch(new RegExp(`${String.fromCharCode(27)}\\[1mId`));
    expect(plain.output).toMatch(/^Id\s+State/m);
    expect(plain.output).not.toMatch(new RegExp(`${String.fromCharCode(27)}\\[1m`));
  });
});
