// Which of a level's commands to register with yargs. Registering a command costs start-up
// time (yargs parses its command string and records its description and aliases), and a run
// uses one command per level, so when the word right after the parent names a command (the
// first word for the top level), only that command is registered. When it names none (help,
// completion, a typo, an option first) every command is, so yargs can list them, complete
// them and suggest the nearest.
import type { CommandModule } from "yargs";

/** The words that name a command: its own and its aliases'. */
export function commandNames(command: Pick<CommandModule, "command" | "aliases">): string[] {
  const declared = [command.command ?? [], command.aliases ?? []].flat();
  return declared.map((text) => text.split(" ")[0] ?? "");
}

/** The commands to register below `parent` (undefined: the top level) for `args`. */
export function requestedCommands<T extends Pick<CommandModule, "command" | "aliases">>(
  commands: readonly T[],
  args: readonly string[],
  parent?: string,
): readonly T[] {
  const at = parent === undefined ? 0 : args.indexOf(parent) + 1;
  const word = parent === undefined || at > 0 ? args[at] : undefined;
  if (word === undefined || word.startsWith("-")) return commands;
  const named = commands.filter((command) => commandNames(command).includes(word));
  return named.length > 0 ? named : commands;
}
