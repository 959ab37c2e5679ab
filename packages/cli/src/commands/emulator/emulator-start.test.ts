// `batch emulator start` from the bundled file: the ready line, a working account behind it,
// every flag of the batch-emulator bin (each seen to take effect, or refused with the bin's
// message), the seed printed when faults are on, and a clean stop on SIGINT and SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "@batch/testing";
import { afterEach, describe, expect, it } from "vitest";
import { bundlePath, isolatedEnv, lines, runBatch } from "../../test-support/batch-process.js";

interface Started {
  child: ChildProcess;
  readyLine: string;
  url: string;
  stderr: () => string;
  /** The environment that points the CLI at this emulator (the development key). */
  env: Record<string, string>;
}

const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGKILL");
});

async function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [bundlePath, "emulator", "start", ...args], {
    env: isolatedEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [readyLine] = (await once(reader, "line")) as [string];
  const url = /listening on (\S+) /.exec(readyLine)?.[1] ?? "";
  return {
    child,
    readyLine,
    url,
    stderr: () => stderr,
    env: {
      AZURE_BATCH_ENDPOINT: url,
      AZURE_BATCH_ACCOUNT: DEV_ACCOUNT_NAME,
      AZURE_BATCH_ACCESS_KEY: DEV_ACCOUNT_KEY,
    },
  };
}

/** Resolves with stderr's lines once one of them matches. */
async function stderrLineMatching(started: Started, pattern: RegExp): Promise<string> {
  for (;;) {
    const found = lines(started.stderr()).find((line) => pattern.test(line));
    if (found !== undefined) return found;
    await once(started.child.stderr as NodeJS.ReadableStream, "data");
  }
}

async function stop(started: Started, signal: NodeJS.Signals): Promise<number | null> {
  started.child.kill(signal);
  const [code] = (await once(started.child, "exit")) as [number | null];
  return code;
}

describe("batch emulator start", () => {
  it("prints its ready line, serves the development account, and stops on SIGINT", async () => {
    const emulator = await start(["--port", "0", "--executor", "simulated"]);
    expect(emulator.readyLine).toMatch(
      new RegExp(
        `^Batch emulator listening on http://127\\.0\\.0\\.1:\\d+ account=${DEV_ACCOUNT_NAME} key=${DEV_ACCOUNT_KEY.replace(/[+/=]/g, "\\$&")}$`,
      ),
    );
    const { env } = emulator;
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
    const waited = await runBatch(["task", "wait", "--job-id", "j", "--interval", "1s"], {
      env,
    });
    expect(waited.code).toBe(7);
    expect(JSON.parse(waited.stdout)).toMatchObject({ failed: 1, failedTaskIds: ["t"] });

    expect(await stop(emulator, "SIGINT")).toBe(0);
    expect(lines(emulator.stderr()).at(-1)).toBe("batch emulator stopped");
    // No fault flag: no faults, no seed.
    expect(emulator.stderr()).not.toMatch(/seed/);
  });

  it("stops on SIGTERM too, and hides a key that is not the development key", async () => {
    const key = Buffer.alloc(32, 9).toString("base64");
    const emulator = await start([
      "--account",
      "myaccount",
      "--key",
      key,
      "--executor",
      "manual",
      "--host",
      "127.0.0.1",
    ]);
    expect(emulator.readyLine).toMatch(/ account=myaccount key=<hidden>$/);
    const listed = await runBatch(["job", "list", "--query", "length(@)", "--account-key", "-"], {
      env: { AZURE_BATCH_ENDPOINT: emulator.url, AZURE_BATCH_ACCOUNT: "myaccount" },
      input: key,
    });
    expect(listed).toMatchObject({ code: 0, stdout: "0\n" });
    expect(await stop(emulator, "SIGTERM")).toBe(0);
  });

  it("injects the faults its flags ask for and prints the seed", async () => {
    // Every Task_Get fails with a 503 (Retry-After 7 s), but never twice in a row; nothing else is faulted.
    const emulator = await start([
      "--executor",
      "manual",
      "--fault-rate",
      "1",
      "--fault-seed",
      "42",
      "--fault-kinds",
      "503",
      "--fault-operations",
      "Task_Get",
      "--fault-retry-after",
      "7",
      "--fault-max-consecutive",
      "1",
    ]);
    const { env } = emulator;
    expect(await stderrLineMatching(emulator, /seed/)).toBe(
      "injecting faults with seed 42 (--fault-seed 42 repeats them)",
    );
    await runBatch(["job", "create", "--id", "j", "--pool-id", "p"], { env });
    // add-collection, as `task add` reads the task back with a Task_Get.
    await runBatch(["task", "add-collection", "--job-id", "j", "--json-file", "-"], {
      env,
      input: '{"id":"t","commandLine":"x"}',
    });
    const [once503, notFaulted] = await Promise.all([
      runBatch(
        ["task", "get", "--job-id", "j", "--task-id", "t", "--max-retries", "0", "--verbose"],
        { env },
      ),
      runBatch(["task", "list", "--job-id", "j", "--query", "[].id", "--max-retries", "0"], {
        env,
      }),
    ]);
    expect(once503.code).toBe(6);
    expect(once503.stderr).toMatch(/^<- 503 Task_Get /m);
    expect(once503.stderr).toMatch(/^ {3}retry-after: 7$/m);
    expect(lines(once503.stderr).at(-1)).toMatch(/^error: ServerBusy: /);
    expect(notFaulted).toMatchObject({ code: 0, stdout: '[\n  "t"\n]\n' });
    // At most one fault in a row: the next try of the same request goes through at once.
    const again = await runBatch(
      ["task", "get", "--job-id", "j", "--task-id", "t", "--query", "id", "--max-retries", "1"],
      { env },
    );
    expect(again).toMatchObject({ code: 0, stdout: '"t"\n' });
    expect(await stop(emulator, "SIGTERM")).toBe(0);

    // Latency only, of 1 ms: every request is slowed, none fails; a random seed is printed.
    const slow = await start([
      "--executor",
      "manual",
      "--fault-kinds",
      "latency",
      "--fault-latency-ms",
      "1-1",
      "--fault-rate",
      "1",
    ]);
    expect(await stderrLineMatching(slow, /seed/)).toMatch(
      /^injecting faults with seed (-?\d+) \(--fault-seed \1 repeats them\)$/,
    );
    const listed = await runBatch(["job", "list", "--query", "length(@)", "--max-retries", "0"], {
      env: slow.env,
    });
    expect(listed).toMatchObject({ code: 0, stdout: "0\n" });
    expect(await stop(slow, "SIGTERM")).toBe(0);
  });

  it("refuses bad flags with the bin's checks and exit 2", async () => {
    const bad: [string[], string][] = [
      [["--fault-rate", "2"], "--fault-rate must be between 0 and 1, not '2'"],
      [["--account", "Not Valid"], "--account must be 3 to 24 lower-case letters and digits"],
      [["--key", "not base64!"], "--key must be a base64 account key"],
      [["--port", "70000"], "--port must be a port number (0-65535), not '70000'"],
      [["--executor", "real"], "--executor must be manual or simulated, not 'real'"],
      [["--fault-seed", "1.5"], "--fault-seed must be an integer, not '1.5'"],
      [["--fault-kinds", "500,boom"], "--fault-kinds: unknown kind 'boom'"],
      [["--fault-operations", "Task_Nope"], "--fault-operations: unknown operation 'Task_Nope'"],
      [["--fault-latency-ms", "5-2"], "--fault-latency-ms: 5 is more than 2"],
      [["--fault-retry-after", "-1"], "--fault-retry-after must be a whole number of seconds"],
      [["--fault-max-consecutive", "0"], "--fault-max-consecutive must be an integer of 1 or more"],
    ];
    const runs = await Promise.all(bad.map(([flags]) => runBatch(["emulator", "start", ...flags])));
    for (const [index, run] of runs.entries()) {
      const [flags, message] = bad[index] ?? [[], ""];
      expect({ flags, code: run.code }).toEqual({ flags, code: 2 });
      expect(lines(run.stderr)).toHaveLength(1);
      expect(lines(run.stderr)[0]).toContain(`error: InvalidInput: ${message}`);
    }
  });
});
