// A conditional read (--if-none-match, --if-modified-since) whose condition held: the service
// answers 304 with no body. The CLI says so on stderr and exits 5, so scripts can tell
// "unchanged" from "here it is".
import { isNotModified, type NotModified } from "@batch/client";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";

function notModifiedError(what: string): CliError {
  return new CliError(`${what} has not been modified (304)`, {
    exitCode: ExitCode.conflict,
    code: "NotModified",
  });
}

/** The resource a conditional read returned; `what` names it when it has not been modified. */
export function modifiedOrThrow<T>(result: T | NotModified, what: string): T {
  if (isNotModified(result)) throw notModifiedError(what);
  return result;
}
