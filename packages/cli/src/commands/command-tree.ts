// The top level of `batch`: its command groups and `configure`. Both ways of reading a command
// line start here: yargs (program.ts) and the fast path that runs a plain command without it
// (fast-path/fast-command.ts).
import type { CliRuntime } from "./command-context.js";
import type { CommandGroup, SubCommand } from "./command-group.js";
import { emulatorCommand } from "./emulator/emulator-command.js";
import { jobCommand } from "./job/job-command.js";
import { profileCommand } from "./profile/profile-command.js";
import { profileSetCommand } from "./profile/profile-set.js";
import { taskCommand } from "./task/task-command.js";

/** The commands that hold sub-commands, for naming a mistyped sub-command. */
export const commandGroupNames = ["task", "job", "emulator", "profile"];

export function topCommands(runtime: CliRuntime): readonly (CommandGroup | SubCommand)[] {
  const configure: SubCommand = {
    ...(profileSetCommand(runtime, "configure [name]") as SubCommand),
    describe: "Same as `profile set`: save account settings",
  };
  return [
    taskCommand(runtime),
    jobCommand(runtime),
    emulatorCommand(runtime),
    profileCommand(runtime),
    configure,
  ];
}
