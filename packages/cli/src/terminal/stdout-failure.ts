// What happens when stdout cannot be written. `batch task list --all | head -1`: once the reader
// has gone, writing fails with EPIPE. That is the reader's choice, not an error of ours: stop
// at once, quietly, with status 0, as other command-line tools do. Any other failure (a full
// disk, `> /dev/full`: ENOSPC; an I/O error) is an error: one line on stderr, status 1, never
// an unhandled stream error with a stack trace.
//
// Node reports a failed write twice: to the write's callback (the output writer rejects with
// stdoutFailure(), and run-cli.ts prints it like any other error) and as the stream's 'error'
// event, which comes after the callback, or alone (console.log, yargs' help). Only the first
// failure is reported: one line.
import type { Writable } from "node:stream";
import { CliError } from "../errors/cli-error.js";
import { formatErrorLine } from "../errors/format-error-line.js";
import { ExitCode } from "../exit-codes.js";

// Set once a failure of stdout has been reported (or handed to a command, which reports it):
// later writes (a flush before exiting) fail again with new error objects, and say nothing new.
let failed = false;

function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "EPIPE";
}

/** The error a failed stdout write becomes: code OutputWriteFailed, exit status 1. */
export function stdoutFailure(error: unknown): CliError {
  failed = true;
  const errno = error as NodeJS.ErrnoException;
  const reason = errno.code === undefined ? String(errno.message ?? error) : errno.code;
  return new CliError(`cannot write to standard output: ${reason}`, {
    exitCode: ExitCode.general,
    code: "OutputWriteFailed",
    cause: error,
  });
}

/** Whether an error is a failed write to stdout (nothing more can be written there). */
export function isStdoutFailure(error: unknown): boolean {
  return error instanceof CliError && error.code === "OutputWriteFailed";
}

/** Whether a command failed only because stdout was closed by its reader (nothing to report). */
export function endedByClosedPipe(error: unknown): boolean {
  return (
    error instanceof CliError && error.code === "OutputWriteFailed" && isClosedPipe(error.cause)
  );
}

export function handleStdoutFailures(
  stdout: Writable,
  stderr: () => Writable,
  exit: (code: number) => void,
): void {
  stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (isClosedPipe(error)) {
      exit(ExitCode.ok);
      return;
    }
    // Already reported, or a write of the output writer: the command fails with it, and
    // run-cli.ts reports it.
    if (failed) return;
    failed = true;
    stderr().write(`${formatErrorLine(stdoutFailure(error))}\n`);
    exit(ExitCode.general);
  });
}
