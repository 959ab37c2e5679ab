// `batch task list --all | head -1` from the bundled file: when the reader closes the pipe,
// the CLI stops quietly with status 0 instead of dying on EPIPE with a stack trace.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { type Emulator, startEmulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountEnv, bundlePath, isolatedEnv } from "../test-support/batch-process.js";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ host: "127.0.0.1", port: 0, executor: "manual" });
  emulator.service.addJob({ id: "j", poolInfo: { poolId: "p" } });
  for (let i = 0; i < 3000; i++) emulator.service.addTask("j", { id: `t${i}`, commandLine: "x" });
});

afterAll(async () => {
  await emulator?.close();
});

describe("a closed stdout", () => {
  it("ends the command quietly with status 0", async () => {
    const child = spawn(
      process.execPath,
      [bundlePath, "task", "list", "--job-id", "j", "--all", "-o", "ndjson"],
      {
        env: {
          ...isolatedEnv(),
          ...accountEnv(emulator),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    await once(child.stdout, "data");
    child.stdout.destroy();
    const [code] = (await once(child, "exit")) as [number | null];
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
