// `batch emulator ...`: the local Batch emulator from @batch/testing.
import type { CommandModule } from "yargs";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { emulatorStartCommand } from "./emulator-start.js";

export function emulatorCommand(runtime: CliRuntime): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: "emulator <command>",
    describe: "Run a local Batch emulator for development and tests",
    builder: (yargs) =>
      yargs
        .command(emulatorStartCommand(runtime) as never)
        .demandCommand(1, "choose an emulator command; see `batch emulator --help`")
        .example("$0 emulator start", "Serve the emulator on a free port"),
    handler: () => undefined,
  };
}
