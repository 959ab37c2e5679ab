// `batch emulator start`: the @batch/testing emulator in this process, with the flags of its
// own `batch-emulator` bin. It prints one ready line with its URL on stdout, serves until
// SIGINT or SIGTERM, then closes its server and exits 0. The emulator is loaded only here, so
// no other command pays for it.
import type { CommandModule } from "yargs";
import { usageError } from "../../errors/cli-error.js";
import { exportsOf } from "../../lazy-import.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { runHandler } from "../run-handler.js";

interface EmulatorStartArgs {
  host: string;
  port: number;
  account?: string;
  key?: string;
  executor: "manual" | "simulated";
  faultRate?: number;
  faultSeed?: number;
}

export function emulatorStartCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, EmulatorStartArgs & GlobalArgs> {
  return {
    command: "start",
    describe: "Run the local Batch emulator until Ctrl-C",
    builder: (yargs) =>
      yargs
        .option("host", { type: "string", default: "127.0.0.1", describe: "Address to listen on" })
        .option("port", { type: "number", default: 0, describe: "Port; 0 picks a free one" })
        .option("account", {
          type: "string",
          describe: "Account name (default: the development account)",
        })
        .option("key", {
          type: "string",
          describe: "Account key, base64 (default: the published development key)",
        })
        .option("executor", {
          choices: ["manual", "simulated"] as const,
          default: "simulated" as const,
          describe:
            "manual: tasks stay where tests put them; simulated: tasks run on a pretend pool",
        })
        .option("fault-rate", {
          type: "number",
          describe: "Share of requests (0 to 1) that get an injected fault",
        })
        .option("fault-seed", { type: "number", describe: "Seed for reproducible faults" })
        .example("$0 emulator start --port 10000", "Serve on a fixed port")
        .example(
          "$0 emulator start --port 0 --executor simulated --fault-rate 0.1 --fault-seed 7",
          "Any free port, with 10% injected faults",
        ) as never,
    handler: runHandler<EmulatorStartArgs>(runtime, async (args, context) => {
      if (args.faultRate !== undefined && !(args.faultRate >= 0 && args.faultRate <= 1)) {
        throw usageError(
          `--fault-rate must be between 0 and 1, not ${args.faultRate}`,
          "InvalidInput",
        );
      }
      if (args.faultSeed !== undefined && !Number.isSafeInteger(args.faultSeed)) {
        throw usageError(`--fault-seed must be an integer, not ${args.faultSeed}`, "InvalidInput");
      }
      if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
        throw usageError(
          `--port must be a port number (0-65535), not ${args.port}`,
          "InvalidInput",
        );
      }
      if (args.account !== undefined && !/^[a-z0-9]{3,24}$/.test(args.account)) {
        throw usageError("--account must be 3 to 24 lower-case letters and digits", "InvalidInput");
      }
      const { startEmulator, DEV_ACCOUNT_KEY } = exportsOf<typeof import("@batch/testing")>(
        await import("@batch/testing"),
      );
      const emulator = await startEmulator({
        host: args.host,
        port: args.port,
        executor: args.executor,
        ...(args.account === undefined ? {} : { account: args.account }),
        ...(args.key === undefined ? {} : { key: args.key }),
        ...(args.faultRate === undefined && args.faultSeed === undefined
          ? {}
          : {
              faults: {
                ...(args.faultRate === undefined ? {} : { rate: args.faultRate }),
                ...(args.faultSeed === undefined ? {} : { seed: args.faultSeed }),
              },
            }),
      });
      // The same ready line as the batch-emulator bin; only the public development key is shown.
      const shownKey = emulator.key === DEV_ACCOUNT_KEY ? emulator.key : "<hidden>";
      context.io.stdout.write(
        `Batch emulator listening on ${emulator.url} account=${emulator.account} key=${shownKey}\n`,
      );
      context.note(
        `use it with: AZURE_BATCH_ENDPOINT=${emulator.url} AZURE_BATCH_ACCOUNT=${emulator.account} AZURE_BATCH_ACCESS_KEY=<key>; stop with Ctrl-C`,
      );
      await new Promise<void>((resolve) => {
        if (context.signal.aborted) resolve();
        else context.signal.addEventListener("abort", () => resolve(), { once: true });
      });
      await emulator.close();
      context.note("batch emulator stopped");
      return undefined;
    }),
  };
}
