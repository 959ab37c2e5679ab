// The command tree of `batch`: global options, the command groups, completion and help.
import type { Argv } from "yargs";
import { cliVersion } from "./cli-version.js";
import type { CliRuntime } from "./commands/command-context.js";
import { chooseCommandMessage } from "./commands/command-group.js";
import { commandGroupNames, topCommands } from "./commands/command-tree.js";
import { withGlobalOptions } from "./commands/global-args.js";
import { requestedCommands } from "./commands/requested-commands.js";
import { unknownCommandMessage } from "./commands/unknown-command.js";
import { usageError } from "./errors/cli-error.js";
import { defaultExportOf } from "./lazy-import.js";

export async function buildProgram(args: string[], runtime: CliRuntime): Promise<Argv> {
  // A package of its own in the bundle, read and compiled only for the command lines the fast
  // path passes on (scripts/deferred-modules.mjs).
  const yargs = defaultExportOf<typeof import("yargs").default>(await import("yargs"));
  const top = topCommands(runtime);
  const commands = requestedCommands(top, args);
  let program = withGlobalOptions(yargs(args))
    .scriptName("batch")
    .usage("$0 <command> [options]\n\nAzure Batch tasks and jobs from the terminal.")
    .version(cliVersion)
    .detectLocale(false)
    .exitProcess(false)
    .strict()
    .recommendCommands()
    .wrap(Math.min(120, runtime.io.stdout.columns ?? 100));
  for (const command of commands) program = program.command(command as never);
  program = withCompletionCommand(program, args)
    .demandCommand(1, chooseCommandMessage([...top, { command: "completion" }], "batch"))
    .example("$0 task list --job-id myjob -o table", "List the tasks of a job")
    .example(
      "$0 task add-collection --job-id myjob --json-file tasks.ndjson",
      "Add any number of tasks",
    )
    .epilogue(
      "Exit status: 0 ok, 1 error, 2 usage or invalid input, 3 auth, 4 not found, 5 conflict, 6 throttled or timed out, 7 some tasks failed, 130 interrupted.",
    )
    .alias("help", "h")
    .fail((message, error) => {
      // A check in a flag's coerce (number-flag.ts) reaches here re-wrapped by yargs as a
      // YError carrying only its message: still a usage error.
      if (error && error.name !== "YError") throw error;
      // recommendCommands reports a misspelt command as a bare suggestion, and strict mode
      // a word it knows nothing of as an argument; say which word was wrong.
      const text = message ?? error?.message ?? "invalid command line";
      throw usageError(unknownCommandMessage(text, args, commandGroupNames) ?? text);
    });
  skipHelpCaching(program);
  return program;
}

type DefaultCompletion = (
  onCompleted: (error: Error | null, completions: string[] | undefined) => void,
) => void;
type Done = (completions: string[]) => void;

const completionDescription = "Print a bash/zsh completion script: batch completion >> ~/.bashrc";

// yargs prints the completion script for `completion` even when help is asked for; a plain
// command of the same name shows that help, with its examples, instead.
function withCompletionCommand<T>(program: Argv<T>, args: readonly string[]): Argv<T> {
  const helpAsked = args.includes("--help") || args.includes("-h");
  if (!(helpAsked && args.includes("completion"))) {
    // yargs offers a one-letter alias with two dashes (`--q`) once the word typed starts
    // with `--`; a short flag is only ever offered as `-q`.
    return program.completion(
      "completion",
      completionDescription,
      (_current: string, _argv: unknown, defaultCompletion: DefaultCompletion, done: Done) => {
        defaultCompletion((_error, completions) =>
          done((completions ?? []).filter((completion) => !/^--[^-]$/.test(completion))),
        );
      },
    );
  }
  return program.command("completion", completionDescription, (command) =>
    command
      .example("$0 completion >> ~/.bashrc", "Complete batch commands and flags in bash")
      .example("SHELL=zsh $0 completion >> ~/.zshrc", "The same for zsh"),
  );
}

// Before running any command handler yargs renders the whole help text and keeps it, in case
// the handler asks for it. That layout measures every string (Intl.Segmenter, a large emoji
// pattern) and costs about 45 ms per run, more than everything else `batch task get` does
// before its request. No handler here shows help, so the cache is never filled; --help and
// usage errors render it as usual.
function skipHelpCaching(program: Argv): void {
  const internals = (
    program as unknown as {
      getInternalMethods?: () => { getUsageInstance(): { cacheHelpMessage?: () => void } };
    }
  ).getInternalMethods?.();
  const usage = internals?.getUsageInstance();
  if (usage?.cacheHelpMessage !== undefined) usage.cacheHelpMessage = () => undefined;
}
