// A command group such as `batch task ...`: the yargs command that holds a level of
// sub-commands, with its examples and the message when no sub-command is given. The
// sub-commands are made only when yargs enters the group, and only the one the command line
// names is registered (requested-commands.ts).
import type { CommandModule } from "yargs";
import type { CliRuntime } from "./command-context.js";
import type { GlobalArgs } from "./global-args.js";
import { requestedCommands } from "./requested-commands.js";

// Sub-commands add their own options, so their argument types differ; yargs takes any.
// biome-ignore lint/suspicious/noExplicitAny: a list of commands with different arguments
export type SubCommand = CommandModule<GlobalArgs, any>;

/** A group's yargs command, with its sub-commands for the fast path (fast-path/fast-command.ts). */
export interface CommandGroup extends CommandModule<GlobalArgs, GlobalArgs> {
  /** The group's word and its sub-commands; its builder declares no options of its own. */
  readonly group: { readonly name: string; readonly commands: () => readonly SubCommand[] };
}

export interface CommandGroupSpec {
  /** The group's word, e.g. "task". */
  name: string;
  describe: string;
  commands: () => readonly SubCommand[];
  examples: readonly [command: string, description: string][];
}

/** The usage error (exit 2) for a level without its sub-command: the words it takes. */
export function chooseCommandMessage(
  commands: readonly Pick<CommandModule, "command">[],
  path: string,
): string {
  const names = commands.map((command) => [command.command ?? ""].flat()[0]?.split(" ")[0]);
  return `choose a command: ${names.join(", ")}; see \`${path} --help\``;
}

export function commandGroup(runtime: CliRuntime, spec: CommandGroupSpec): CommandGroup {
  return {
    group: { name: spec.name, commands: spec.commands },
    // No `<command>` positional: yargs would report its absence in its own words.
    command: spec.name,
    describe: spec.describe,
    builder: (yargs) => {
      let group = yargs.usage(`$0 ${spec.name} <command> [options]\n\n${spec.describe}`);
      for (const command of requestedCommands(spec.commands(), runtime.args, spec.name)) {
        group = group.command(command);
      }
      for (const [command, description] of spec.examples) {
        group = group.example(command, description);
      }
      return group.demandCommand(1, chooseCommandMessage(spec.commands(), `batch ${spec.name}`));
    },
    handler: () => undefined,
  };
}
