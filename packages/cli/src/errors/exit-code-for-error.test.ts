import { describe, expect, it } from "vitest";
import { ExitCode } from "../exit-codes.js";
import { CliError, usageError } from "./cli-error.js";
import { exitCodeForError } from "./exit-code-for-error.js";

function batchError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error("boom"), { name: "BatchError", kind: "service", ...fields });
}

describe("exitCodeForError", () => {
  it.each([
    [{ status: 400, code: "InvalidQueryParameterValue" }, ExitCode.usage],
    [{ status: 413, code: "RequestBodyTooLarge" }, ExitCode.usage],
    [{ status: 403, code: "AuthenticationFailed" }, ExitCode.auth],
    [{ status: 400, code: "InvalidAuthenticationInfo" }, ExitCode.auth],
    [{ status: 401 }, ExitCode.auth],
    [{ status: 404, code: "JobNotFound" }, ExitCode.notFound],
    [{ status: 409, code: "TaskExists" }, ExitCode.conflict],
    [{ status: 412, code: "ConditionNotMet" }, ExitCode.conflict],
    [{ status: 304, code: "ConditionNotMet" }, ExitCode.conflict],
    [{ status: 429 }, ExitCode.throttledOrTimedOut],
    [{ status: 503, code: "ServerBusy" }, ExitCode.throttledOrTimedOut],
    [{ status: 500, code: "OperationTimedOut" }, ExitCode.throttledOrTimedOut],
    [{ status: 500, code: "InternalError" }, ExitCode.general],
    [{ kind: "timeout" }, ExitCode.throttledOrTimedOut],
    [{ kind: "network" }, ExitCode.general],
    [{ kind: "aborted" }, ExitCode.interrupted],
    [{ kind: "client", code: "InvalidTaskCount" }, ExitCode.usage],
    [{ kind: "client", code: "CredentialUnavailable" }, ExitCode.auth],
    [{ kind: "client", code: "InvalidId" }, ExitCode.usage],
    [{ kind: "client", code: "InvalidNextLink" }, ExitCode.general],
  ])("maps BatchError %o to %i", (fields, expected) => {
    expect(exitCodeForError(batchError(fields))).toBe(expected);
  });

  it("uses a CliError's own status and 1 for anything else", () => {
    expect(exitCodeForError(usageError("bad"))).toBe(ExitCode.usage);
    expect(exitCodeForError(new CliError("x", { exitCode: ExitCode.auth }))).toBe(ExitCode.auth);
    expect(exitCodeForError(new TypeError("bug"))).toBe(ExitCode.general);
    expect(exitCodeForError("thrown string")).toBe(ExitCode.general);
  });
});
