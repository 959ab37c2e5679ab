// `batch emulator start` from the bundled file: the ready line, a working account behind it,
// and a clean stop on SIGINT and SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "@batch/testing";
import { describe, expect, it } from "vitest";
import { bundlePath, isolatedEnv, lines, runBatch } from "../../test-support/batch-process.js";

async function start(
  args: string[],
): Promise<{ child: ChildProcess; readyLine: string; stderr: () => string }> {
  const child = spawn(process.execPath, [bundlePath, "emulator", "start", ...args], {
    env: isolatedEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [readyLine] = (await once(reader, "line")) as [string];
  return { child, readyLine, stderr: () => stderr };
}

describe("batch emulator start", () => {
  it("prints its ready line, serves the development account, and stops on SIGINT", async () => {
    const { child, readyLine, stderr } = await start(["--port", "0", "--executor", "simulated"]);
    const match =
      /^Batch emulator listening on (http:\/\/127\.0\.0\.1:\d+) account=(\w+) key=(\S+)$/.exec(
        readyLine,
      );
    expect(match?.slice(2)).toEqual([DEV_ACCOUNT_NAME, DEV_ACCOUNT_KEY]);
    const env = {
      AZURE_BATCH_ENDPOINT: match?.[1] ?? "",
      AZURE_BATCH_ACCOUNT: DEV_ACCOUNT_NAME,
      AZURE_BATCH_ACCESS_KEY: DEV_ACCOUNT_KEY,
    };
    const created = await runBatch(
      ["job", "create", "--id", "j", "--pool-id", "p", "--query", "id"],
      { env },
    );
    expect(JSON.parse(created.stdout)).toBe("j");
    const added = await runBatch(
      ["task", "add", "--job-id", "j", "--task-id", "t", "--command-line", "exit 3"],
      { env },
    );
    expect(added.code).toBe(0);
    // The simulated executor runs the task and ends it with the exit code its command line asks for.
    const waited = await runBatch(["task", "wait", "--job-id", "j", "--interval", "100ms"], {
      env,
    });
    expect(waited.code).toBe(7);
    expect(JSON.parse(waited.stdout)).toMatchObject({ failed: 1, failedTaskIds: ["t"] });

    child.kill("SIGINT");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    expect(lines(stderr()).at(-1)).toBe("batch emulator stopped");
  });

  it("stops on SIGTERM too, and hides a key that is not the development key", async () => {
    const key = Buffer.alloc(32, 9).toString("base64");
    const { child, readyLine } = await start([
      "--account",
      "myaccount",
      "--key",
      key,
      "--executor",
      "manual",
    ]);
    expect(readyLine).toMatch(/ account=myaccount key=<hidden>$/);
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
  });

  it("rejects bad flags with exit 2", async () => {
    const [rate, account] = await Promise.all([
      runBatch(["emulator", "start", "--fault-rate", "2"]),
      runBatch(["emulator", "start", "--account", "Not Valid"]),
    ]);
    expect(rate.code).toBe(2);
    expect(lines(rate.stderr)).toEqual([
      "error: InvalidInput: --fault-rate must be between 0 and 1, not 2",
    ]);
    expect(account.code).toBe(2);
    expect(lines(account.stderr)).toEqual([
      "error: InvalidInput: --account must be 3 to 24 lower-case letters and digits",
    ]);
  });
});
