// What the bundled file does when stdout cannot be written: `batch task list --all | head -1`
// (the reader closes the pipe) stops quietly with status 0; any other failure (`> /dev/full`:
// ENOSPC) is one error line and status 1. Never a stack trace.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { closeSync, existsSync, openSync } from "node:fs";
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountEnv,
  bundlePath,
  isolatedEnv,
  lines,
  startBatch,
} from "../test-support/batch-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";

let emulator: Emulator;

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
  emulator.service.addJob({ id: "j", poolInfo: { poolId: "p" } });
  for (let i = 0; i < 3000; i++) emulator.service.addTask("j", { id: `t${i}`, commandLine: "x" });
});

afterAll(async () => {
  await emulator?.close();
});

/** Runs the bundle with stdout on /dev/full; resolves with its status and stderr. */
async function toDevFull(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const full = openSync("/dev/full", "w");
  try {
    const child = spawn(process.execPath, [bundlePath, ...args], {
      env: { ...isolatedEnv(), ...accountEnv(emulator) },
      stdio: ["ignore", full, "pipe"],
    });
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const [code] = (await once(child, "close")) as [number | null];
    return { code, stderr };
  } finally {
    closeSync(full);
  }
}

describe("a closed stdout", () => {
  it("ends the command quietly with status 0", async () => {
    const { child, result } = startBatch(
      ["task", "list", "--job-id", "j", "--all", "-o", "ndjson"],
      {
        env: accountEnv(emulator),
      },
    );
    child.stdin.end();
    await once(child.stdout, "data");
    child.stdout.destroy();
    const { code, stderr } = await result;
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe.skipIf(!existsSync("/dev/full"))("a stdout that cannot be written (/dev/full)", () => {
  it("is one error line and status 1, for results, lists and help alike", async () => {
    const runs = await Promise.all([
      toDevFull(["task", "get", "--job-id", "j", "--task-id", "t1"]),
      toDevFull(["task", "list", "--job-id", "j", "--all", "-o", "ndjson"]),
      toDevFull(["--help"]),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([
        "error: OutputWriteFailed: cannot write to standard output: ENOSPC",
      ]);
    }
  });
});
