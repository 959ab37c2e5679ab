// The batch-emulator command: options parsed with node:util parseArgs, one ready line with the
// URL, account and key, and a clean stop (exit 0) on SIGINT or SIGTERM.

import { parseArgs } from "node:util";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "../dev-account.js";
import type { FaultOptions } from "../faults/fault-options.js";
import { FAULT_FLAG_NAMES, FaultFlagError, faultOptionsFromFlags } from "./fault-flags.js";
import { type Emulator, startEmulator } from "./start-emulator.js";

export const EMULATOR_USAGE = `Usage: batch-emulator [options]

A local Azure Batch account for tests: the Tasks API (and the job calls it needs) over HTTP,
checking Shared Key signatures like the service.

Options:
  --host <address>       interface to listen on (default 127.0.0.1)
  --port <number>        port, 0 for any free one (default 0)
  --account <name>       account name (default ${DEV_ACCOUNT_NAME})
  --key <base64>         account key (default: the public development key)
  --executor <kind>      manual | simulated (default simulated)
  --fault-rate <0..1>    probability a processed request is faulted (0.1 once any
                         --fault-* flag is given)
  --fault-seed <int>     seed for reproducible faults (random, and printed, by default)
  --fault-kinds <list>   kinds[:weight] to inject, comma-separated (default all):
                         500,503,429,latency,drop-before,drop-after,task-servererror
  --fault-operations <list>
                         fault only these operations (e.g. Task_AddCollection,Task_Add)
  --fault-latency-ms <n|min-max>
                         added latency (default 50-500)
  --fault-retry-after <s>
                         Retry-After of 503 and 429 answers (default 1)
  --fault-max-consecutive <n>
                         most faults in a row for one request or task id (default 3)
  -h, --help             show this help

The development key ${DEV_ACCOUNT_KEY} is public, like Azurite's: never use it
for anything real.`;

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface EmulatorCliOptions {
  help: boolean;
  host: string;
  port: number;
  account: string;
  key: string;
  executor: "manual" | "simulated";
  faults: FaultOptions | undefined;
}

function number(
  name: string,
  text: string,
  check: (value: number) => boolean,
  what: string,
): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !check(value)) {
    throw new UsageError(`--${name} must be ${what}, not '${text}'`);
  }
  return value;
}

export function parseEmulatorArgs(argv: readonly string[]): EmulatorCliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: "string" },
        port: { type: "string" },
        account: { type: "string" },
        key: { type: "string" },
        executor: { type: "string" },
        ...Object.fromEntries(FAULT_FLAG_NAMES.map((name) => [name, { type: "string" as const }])),
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const text = (name: string) => values[name] as string | undefined;
  const executor = text("executor") ?? "simulated";
  if (executor !== "manual" && executor !== "simulated") {
    throw new UsageError(`--executor must be manual or simulated, not '${executor}'`);
  }
  const key = text("key") ?? DEV_ACCOUNT_KEY;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key) || Buffer.from(key, "base64").length === 0) {
    throw new UsageError("--key must be a base64 account key");
  }
  const account = text("account") ?? DEV_ACCOUNT_NAME;
  if (!/^[a-z0-9]{3,24}$/.test(account)) {
    throw new UsageError("--account must be 3 to 24 lower-case letters and digits");
  }
  let faults: FaultOptions | undefined;
  try {
    faults = faultOptionsFromFlags(
      Object.fromEntries(FAULT_FLAG_NAMES.map((name) => [name, text(name)])),
    );
  } catch (error) {
    if (error instanceof FaultFlagError) throw new UsageError(error.message);
    throw error;
  }
  const port = text("port");
  return {
    help: values.help === true,
    host: text("host") ?? "127.0.0.1",
    port:
      port === undefined
        ? 0
        : number(
            "port",
            port,
            (v) => Number.isInteger(v) && v >= 0 && v <= 65535,
            "a port number (0-65535)",
          ),
    account,
    key,
    executor,
    faults,
  };
}

/** The ready line. Only the public development key is printed; another key stays hidden. */
export function readyLine(emulator: Pick<Emulator, "url" | "account" | "key">): string {
  const key = emulator.key === DEV_ACCOUNT_KEY ? emulator.key : "<hidden>";
  return `Batch emulator listening on ${emulator.url} account=${emulator.account} key=${key}`;
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Runs the command. Returns an exit code when it ends at once (help, usage error), or the
 * running emulator, which stops on SIGINT/SIGTERM and then exits the process with 0.
 */
export async function runEmulatorCli(
  argv: readonly string[],
  io: CliIo = processIo,
): Promise<number | Emulator> {
  let options: EmulatorCliOptions;
  try {
    options = parseEmulatorArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`batch-emulator: ${error.message}`);
    io.err("Run batch-emulator --help for the options.");
    return 2;
  }
  if (options.help) {
    io.out(EMULATOR_USAGE);
    return 0;
  }
  const emulator = await startEmulator({
    host: options.host,
    port: options.port,
    account: options.account,
    key: options.key,
    executor: options.executor,
    ...(options.faults && { faults: options.faults }),
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  io.out(readyLine(emulator));
  if (emulator.faults) {
    io.err(
      `batch-emulator: injecting faults with seed ${emulator.faults.seed} (--fault-seed ${emulator.faults.seed} repeats them)`,
    );
  }
  return emulator;
}
