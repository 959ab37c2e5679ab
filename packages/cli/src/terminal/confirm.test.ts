// Confirmation before deleting, in a pseudo-terminal: the user's answer decides.
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountEnv } from "../test-support/batch-process.js";
import { runInTerminal } from "../test-support/terminal-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";

let emulator: Emulator;

function taskExists(taskId: string): boolean {
  return emulator.service.listTasks("j", {}).value.some((task) => task.id === taskId);
}

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
  emulator.service.addJob({ id: "j", poolInfo: { poolId: "p" } });
  emulator.service.addTask("j", { id: "kept", commandLine: "x" });
  emulator.service.addTask("j", { id: "deleted", commandLine: "x" });
});

afterAll(async () => {
  await emulator?.close();
});

describe("task delete on a terminal", () => {
  it("asks, and deletes only on yes", async () => {
    const env = accountEnv(emulator);
    const [declined, accepted] = await Promise.all([
      runInTerminal(["task", "delete", "--job-id", "j", "--task-id", "kept", "-o", "none"], {
        env,
        typed: "n\n",
      }),
      runInTerminal(["task", "delete", "--job-id", "j", "--task-id", "deleted", "-o", "none"], {
        env,
        typed: "y\n",
      }),
    ]);
    expect(declined.output).toContain("Delete task kept of job j? [y/N]");
    expect(declined.output).toContain("error: Cancelled: cancelled; nothing was changed");
    expect(declined.code).toBe(2);
    expect(taskExists("kept")).toBe(true);
    expect(accepted.output).toContain("Delete task deleted of job j? [y/N]");
    expect(accepted.code).toBe(0);
    expect(taskExists("deleted")).toBe(false);
  });
});
