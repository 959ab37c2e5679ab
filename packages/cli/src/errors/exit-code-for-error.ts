// Maps any thrown value to the documented exit status (see exit-codes.ts).
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { isBatchErrorShape } from "./batch-error-shape.js";
import { isCliError } from "./cli-error.js";

// Service codes whose HTTP status alone would put them in the wrong bucket.
const codeExitCodes: Record<string, ExitCodeValue> = {
  AuthenticationFailed: ExitCode.auth,
  InvalidAuthenticationInfo: ExitCode.auth,
  InsufficientAccountPermissions: ExitCode.auth,
  AccountIsDisabled: ExitCode.auth,
  CredentialUnavailable: ExitCode.auth,
  ConditionNotMet: ExitCode.conflict,
  OperationTimedOut: ExitCode.throttledOrTimedOut,
  ServerBusy: ExitCode.throttledOrTimedOut,
  TooManyRequests: ExitCode.throttledOrTimedOut,
  // Refused by the client, but the fault is the service's: a next-page link to another host.
  InvalidNextLink: ExitCode.general,
};

function exitCodeForStatus(status: number): ExitCodeValue {
  if (status === 401 || status === 403) return ExitCode.auth;
  if (status === 404) return ExitCode.notFound;
  if (status === 304 || status === 409 || status === 412) return ExitCode.conflict;
  if (status === 408 || status === 429 || status === 503) return ExitCode.throttledOrTimedOut;
  if (status >= 400 && status < 500) return ExitCode.usage;
  return ExitCode.general;
}

export function exitCodeForError(error: unknown): ExitCodeValue {
  if (isCliError(error)) return error.exitCode;
  if (isBatchErrorShape(error)) {
    if (error.kind === "timeout") return ExitCode.throttledOrTimedOut;
    if (error.kind === "aborted") return ExitCode.interrupted;
    if (error.kind === "network") return ExitCode.general;
    // Refused by the client before sending: bad input, unless the credential failed.
    if (error.kind === "client") return codeExitCodes[error.code ?? ""] ?? ExitCode.usage;
    const byCode = error.code === undefined ? undefined : codeExitCodes[error.code];
    if (byCode !== undefined) return byCode;
    if (error.status !== undefined) return exitCodeForStatus(error.status);
  }
  return ExitCode.general;
}
