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
});
