import { describe, expect, it } from "vitest";
import { DEV_ACCOUNT_KEY } from "../dev-account.js";
import {
  EMULATOR_USAGE,
  parseEmulatorArgs,
  readyLine,
  runEmulatorCli,
  UsageError,
} from "./emulator-cli.js";

describe("parseEmulatorArgs", () => {
  it("defaults to the development account on a free loopback port, simulated", () => {
    expect(parseEmulatorArgs([])).toEqual({
      help: false,
      host: "127.0.0.1",
      port: 0,
      account: "devaccount",
      key: DEV_ACCOUNT_KEY,
      executor: "simulated",
      faults: undefined,
    });
  });

  it("reads every option", () => {
    const key = Buffer.alloc(32, 1).toString("base64");
    expect(
      parseEmulatorArgs([
        "--host=0.0.0.0",
        "--port",
        "10100",
        "--account",
        "myaccount",
        "--key",
        key,
        "--executor",
        "manual",
        "--fault-rate",
        "0.25",
        "--fault-seed",
        "7",
      ]),
    ).toEqual({
      help: false,
      host: "0.0.0.0",
      port: 10100,
      account: "myaccount",
      key,
      executor: "manual",
      faults: { rate: 0.25, seed: 7 },
    });
    expect(parseEmulatorArgs(["-h"]).help).toBe(true);
  });

  it.each([
    [["--port", "http"]],
    [["--port", "70000"]],
    [["--executor", "local"]],
    [["--fault-rate", "2"]],
    [["--fault-seed", "1.5"]],
    [["--key", "not base64!"]],
    [["--account", "Bad_Name"]],
    [["--bogus"]],
    [["positional"]],
  ])("refuses %j", (argv) => {
    expect(() => parseEmulatorArgs(argv)).toThrow(UsageError);
  });

  it("reads the fault flags into the injector's settings", () => {
    expect(
      parseEmulatorArgs([
        "--fault-seed",
        "3",
        "--fault-kinds",
        "500, drop-after:2,task-servererror",
        "--fault-latency-ms",
        "10-20",
        "--fault-retry-after",
        "0",
        "--fault-max-consecutive",
        "5",
      ]).faults,
    ).toEqual({
      seed: 3,
      kinds: { "500": 1, "drop-after": 2, "task-servererror": 1 },
      latencyMs: [10, 20],
      retryAfterSeconds: 0,
      maxConsecutive: 5,
    });
    expect(parseEmulatorArgs(["--fault-latency-ms", "250"]).faults).toEqual({ latencyMs: 250 });
  });

  it("applies --fault-rate to the operations --fault-operations lists, in any case", () => {
    expect(
      parseEmulatorArgs([
        "--fault-operations",
        "Task_AddCollection,task_add",
        "--fault-rate",
        "0.5",
      ]).faults,
    ).toEqual({ operations: { Task_AddCollection: { rate: 0.5 }, Task_Add: { rate: 0.5 } } });
    expect(parseEmulatorArgs(["--fault-operations", "Task_Get"]).faults).toEqual({
      operations: { Task_Get: {} },
    });
  });

  it.each([
    [["--fault-kinds", "404"], "--fault-kinds: unknown kind '404'"],
    [["--fault-kinds", "503:-1"], "--fault-kinds must be a list of kind[:weight ≥ 0]"],
    [["--fault-operations", "Task_Nope"], "--fault-operations: unknown operation 'Task_Nope'"],
    [["--fault-latency-ms", "5-1"], "--fault-latency-ms: 5 is more than 1"],
    [["--fault-latency-ms", "soon"], "--fault-latency-ms must be ms"],
    [["--fault-retry-after", "1.5"], "--fault-retry-after must be a whole number of seconds"],
    [["--fault-max-consecutive", "0"], "--fault-max-consecutive must be an integer of 1 or more"],
  ])("refuses %j with a message naming the flag", (argv, message) => {
    expect(() => parseEmulatorArgs(argv)).toThrow(UsageError);
    expect(() => parseEmulatorArgs(argv)).toThrow(message);
  });
});

describe("readyLine", () => {
  it("prints the public development key but hides any other", () => {
    expect(
      readyLine({ url: "http://127.0.0.1:1", account: "devaccount", key: DEV_ACCOUNT_KEY }),
    ).toBe(
      `Batch emulator listening on http://127.0.0.1:1 account=devaccount key=${DEV_ACCOUNT_KEY}`,
    );
    expect(readyLine({ url: "http://h:2", account: "a1b", key: "c2VjcmV0" })).toBe(
      "Batch emulator listening on http://h:2 account=a1b key=<hidden>",
    );
  });
});

describe("runEmulatorCli", () => {
  it("prints the usage for --help and a hint for bad options", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    expect(await runEmulatorCli(["--help"], io)).toBe(0);
    expect(out).toEqual([EMULATOR_USAGE]);
    expect(await runEmulatorCli(["--port", "x"], io)).toBe(2);
    expect(err[0]).toMatch(/^batch-emulator: --port must be/);
  });

  it("says which seed the faults use, so a run can be repeated", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    const signals = ["SIGINT", "SIGTERM"] as const;
    const before = signals.map((signal) => process.listeners(signal));
    const emulator = await runEmulatorCli(["--executor", "manual", "--fault-rate", "0.2"], io);
    if (typeof emulator === "number") throw new Error(`exited with ${emulator}`);
    try {
      const seed = emulator.faults!.seed;
      expect(out).toEqual([readyLine(emulator)]);
      expect(err).toEqual([
        `batch-emulator: injecting faults with seed ${seed} (--fault-seed ${seed} repeats them)`,
      ]);
    } finally {
      // Only the stop handlers this run added.
      signals.forEach((signal, i) => {
        for (const listener of process.listeners(signal)) {
          if (!before[i]!.includes(listener)) process.off(signal, listener);
        }
      });
      await emulator.close();
    }
  });
});
