// The error type the CLI raises itself (bad flags, bad input files, missing settings): it
// carries the exit status and, where one applies, an error code in the service's style.
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";

export interface CliErrorOptions {
  exitCode: ExitCodeValue;
  /** A short code printed before the message, e.g. `InvalidInput`. */
  code?: string;
  cause?: unknown;
}

export class CliError extends Error {
  override readonly name = "CliError";
  readonly exitCode: ExitCodeValue;
  readonly code: string | undefined;

  constructor(message: string, options: CliErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode;
    this.code = options.code;
  }
}

/** A mistake in the command line or its input files: exit status 2. */
export function usageError(message: string, code?: string): CliError {
  return new CliError(message, { exitCode: ExitCode.usage, code });
}

export function isCliError(value: unknown): value is CliError {
  return value instanceof Error && value.name === "CliError" && "exitCode" in value;
}
