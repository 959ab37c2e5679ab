// The fast path: a plain command line (a command group, one of its commands, and flags that
// yargs would read the same way) runs its command's handler without yargs. Building the yargs
// program, parsing the line twice and setting up yargs' modules is most of what a short
// command such as `batch task get` spends before its request. Anything else (help, version,
// completion, a typo, positionals, array flags, a flag given twice, a value a check refuses)
// is passed on to yargs, which reads it and words any error as always: the fast path never
// refuses a command line. BATCH_FAST_PATH=0 sends every line to yargs.
import type { CliRuntime } from "../commands/command-context.js";
import type { CommandGroup, SubCommand } from "../commands/command-group.js";
import { topCommands } from "../commands/command-tree.js";
import { withGlobalOptions } from "../commands/global-args.js";
import { commandNames } from "../commands/requested-commands.js";
import { type FastArguments, parseFast } from "./fast-parse.js";
import { recordCommand } from "./option-recorder.js";

/** The command `args` names and the arguments yargs would give it, when the fast path can tell. */
export function fastArguments(
  args: readonly string[],
  runtime: CliRuntime,
): { command: SubCommand; args: FastArguments } | undefined {
  const [groupWord, commandWord, ...flags] = args;
  if (groupWord === undefined || commandWord === undefined) return undefined;
  const group = topCommands(runtime).find(
    (command): command is CommandGroup =>
      "group" in command && commandNames(command).includes(groupWord),
  );
  const command = group?.group
    .commands()
    .find((candidate: SubCommand) => commandNames(candidate).includes(commandWord));
  const builder = command?.builder;
  if (command === undefined || typeof builder !== "function") return undefined;
  // A command that takes positionals ("show [name]") is yargs' to read.
  if ([command.command ?? ""].flat()[0]?.includes(" ")) return undefined;
  const recorded = recordCommand((yargs) => builder(withGlobalOptions(yargs) as never));
  const parsed = parseFast([groupWord, commandWord], flags, recorded);
  return parsed === undefined ? undefined : { command, args: parsed };
}

/** The command `args` names, ready to run, when the fast path can run it. */
export function fastCommand(
  args: readonly string[],
  runtime: CliRuntime,
): (() => Promise<void>) | undefined {
  const setting = runtime.io.env.BATCH_FAST_PATH;
  if (setting === "0" || setting === "false") return undefined;
  const found = fastArguments(args, runtime);
  if (found === undefined) return undefined;
  const { command, args: parsed } = found;
  return async () => {
    await command.handler(parsed as never);
  };
}
