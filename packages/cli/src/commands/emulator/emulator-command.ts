// `batch emulator ...`: the local Batch emulator from @batch/testing.
import type { CliRuntime } from "../command-context.js";
import { commandGroup } from "../command-group.js";
import { emulatorStartCommand } from "./emulator-start.js";

export function emulatorCommand(runtime: CliRuntime) {
  return commandGroup(runtime, {
    name: "emulator",
    describe: "Run a local Batch emulator for development and tests",
    commands: () => [emulatorStartCommand(runtime)],
    examples: [["$0 emulator start", "Serve the emulator on a free port"]],
  });
}
