// Adapts a command implementation to a yargs handler: builds its context and records the exit
// status it returns. Errors are left to propagate to run-cli.ts, which prints them.
import type { ArgumentsCamelCase } from "yargs";
import { checkOneStdinReader } from "../account/key-from-stdin.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { type CliRuntime, type CommandContext, createCommandContext } from "./command-context.js";
import type { GlobalArgs } from "./global-args.js";

export type CommandImplementation<A> = (
  args: ArgumentsCamelCase<A & GlobalArgs>,
  context: CommandContext,
) => Promise<ExitCodeValue | undefined>;

export function runHandler<A>(
  runtime: CliRuntime,
  implementation: CommandImplementation<A>,
): (argv: ArgumentsCamelCase<A & GlobalArgs>) => Promise<void> {
  return async (argv) => {
    checkOneStdinReader(argv as { accountKey?: unknown; jsonFile?: unknown });
    const context = await createCommandContext(runtime, argv);
    runtime.exitCode = (await implementation(argv, context)) ?? ExitCode.ok;
  };
}
