// Runs one invocation of `batch`: reads the command line (the fast path for a plain command,
// yargs for everything else), runs the command, and turns every outcome into an exit status.
// Every error ends here as one line on stderr, never a stack.

import type { CliRuntime } from "./commands/command-context.js";
import { debugNotes } from "./debug-notes.js";
import { exitCodeForError } from "./errors/exit-code-for-error.js";
import { formatErrorLine } from "./errors/format-error-line.js";
import { ExitCode, type ExitCodeValue } from "./exit-codes.js";
import { fastCommand } from "./fast-path/fast-command.js";
import { joinStdinDashes } from "./stdin-dash.js";
import type { CliIo } from "./terminal/cli-io.js";
import { endedByClosedPipe } from "./terminal/stdout-failure.js";

export async function runCli(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<ExitCodeValue> {
  const joined = joinStdinDashes(args);
  const runtime: CliRuntime = { args: joined, io, signal, exitCode: ExitCode.ok };
  try {
    const fast = fastCommand(joined, runtime);
    debugNotes(io.env, "command line")?.(fast ? "read by the fast path" : "read by yargs");
    if (fast !== undefined) {
      await fast();
    } else {
      // Loaded only here: the fast path spares a plain command yargs' set-up.
      const { buildProgram } = await import("./program.js");
      await (await buildProgram(joined, runtime)).parseAsync();
    }
    return runtime.exitCode;
  } catch (error) {
    if (endedByClosedPipe(error)) return ExitCode.ok;
    if (signal.aborted) {
      io.stderr.write("error: Aborted: interrupted\n");
      return ExitCode.interrupted;
    }
    io.stderr.write(`${formatErrorLine(error)}\n`);
    return exitCodeForError(error);
  }
}
