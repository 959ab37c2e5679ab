// `batch emulator start`: the @batch/testing emulator in this process, with exactly the flags of
// its own `batch-emulator` bin. yargs only declares them (for --help and completion) and hands
// the values given, as text, to the testing package's own parser (parseEmulatorArgs), so the
// checks, defaults and fault settings are the bin's; the ready line is the bin's too. It
// prints one ready line with its URL on stdout (and, with faults on, the seed that repeats
// them on stderr), serves until SIGINT or SIGTERM, then closes its server and exits 0. The
// emulator is loaded only here, so no other command pays for it.
import type { CommandModule } from "yargs";
import { usageError } from "../../errors/cli-error.js";
import { exportsOf } from "../../lazy-import.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { runHandler } from "../run-handler.js";

/** The bin's flags with what --help says of them; each takes a value, passed on as typed. */
const emulatorFlags = {
  host: "Address to listen on (default 127.0.0.1)",
  port: "Port; 0 picks a free one (default 0)",
  account: "Account name (default: the development account)",
  key: "Account key, base64 (default: the published development key)",
  executor:
    "manual: tasks stay where tests put them; simulated: tasks run on a pretend pool (default simulated)",
  "fault-rate":
    "Share of requests (0 to 1) that get an injected fault (0.1 once any --fault-* is given)",
  "fault-seed": "Seed for reproducible faults (random by default; printed when faults are on)",
  "fault-kinds":
    "Kinds to inject, kind[:weight] comma-separated: 500,503,429,latency,drop-before,drop-after,task-servererror (default all)",
  "fault-operations": "Fault only these operations, e.g. Task_AddCollection,Task_Add",
  "fault-latency-ms": "Latency added by a latency fault: ms or min-max (default 50-500)",
  "fault-retry-after": "Retry-After seconds of injected 503 and 429 answers (default 1)",
  "fault-max-consecutive": "Most faults in a row for one request or task id (default 3)",
} as const;

type EmulatorFlag = keyof typeof emulatorFlags;
type EmulatorStartArgs = { [Flag in EmulatorFlag as CamelCase<Flag>]?: string };
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

const camelCase = (flag: string) =>
  flag.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/** The flags given on the command line, as the bin would have received them. */
function binArgs(args: Record<string, unknown>): string[] {
  const argv: string[] = [];
  for (const flag of Object.keys(emulatorFlags)) {
    const value = args[camelCase(flag)];
    // One word, so a value starting with "-" stays the flag's value.
    if (value !== undefined) argv.push(`--${flag}=${String(value)}`);
  }
  return argv;
}

export function emulatorStartCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, EmulatorStartArgs & GlobalArgs> {
  return {
    command: "start",
    describe: "Run the local Batch emulator until Ctrl-C",
    builder: (yargs) => {
      let built = yargs;
      for (const [flag, describe] of Object.entries(emulatorFlags)) {
        built = built.option(flag, {
          type: "string",
          // A lone number would otherwise lose what was typed (0x10, 1e3, 007).
          requiresArg: true,
          describe,
          group: flag.startsWith("fault-") ? "Faults:" : "Emulator:",
        });
      }
      return built
        .example("$0 emulator start --port 10000", "Serve on a fixed port")
        .example(
          "$0 emulator start --fault-rate 0.1 --fault-seed 7",
          "Any free port, with 10% injected faults, repeatably",
        )
        .example(
          "$0 emulator start --fault-operations Task_AddCollection --fault-kinds task-servererror,503:2 --fault-retry-after 0",
          "Faults on adding tasks only",
        ) as never;
    },
    handler: runHandler<EmulatorStartArgs>(runtime, async (args, context) => {
      const testing = exportsOf<typeof import("@batch/testing")>(await import("@batch/testing"));
      let options: ReturnType<typeof testing.parseEmulatorArgs>;
      try {
        options = testing.parseEmulatorArgs(binArgs(args));
      } catch (error) {
        if (error instanceof testing.EmulatorUsageError) {
          throw usageError(error.message, "InvalidInput");
        }
        throw error;
      }
      const emulator = await testing.startEmulator({
        host: options.host,
        port: options.port,
        account: options.account,
        key: options.key,
        executor: options.executor,
        ...(options.faults === undefined ? {} : { faults: options.faults }),
      });
      context.io.stdout.write(`${testing.readyLine(emulator)}\n`);
      if (emulator.faults !== undefined) {
        const { seed } = emulator.faults;
        context.note(`injecting faults with seed ${seed} (--fault-seed ${seed} repeats them)`);
      }
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
