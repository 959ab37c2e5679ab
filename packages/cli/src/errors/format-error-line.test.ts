import { describe, expect, it } from "vitest";
import { ExitCode } from "../exit-codes.js";
import { CliError } from "./cli-error.js";
import { formatErrorLine } from "./format-error-line.js";

describe("formatErrorLine", () => {
  it("prints the service code, message, details and request id on one line", () => {
    const error = Object.assign(
      new Error("The value of a query parameter is not valid.\nRequestId:abc"),
      {
        name: "BatchError",
        kind: "service",
        status: 400,
        code: "InvalidQueryParameterValue",
        requestId: "r-1",
        values: [
          { key: "QueryParameterName", value: "$filter" },
          { key: "Reason", value: "bad" },
        ],
      },
    );
    expect(formatErrorLine(error)).toBe(
      "error: InvalidQueryParameterValue: The value of a query parameter is not valid. RequestId:abc [QueryParameterName=$filter, Reason=bad] (request-id r-1)",
    );
  });

  it("says which address a refused or unresolved connection was for, not fetch's words", () => {
    const socketError = (fields: object) =>
      Object.assign(new Error("Task_Get got no answer: fetch failed (connect ...)"), {
        name: "BatchError",
        kind: "network",
        operation: "Task_Get",
        cause: new TypeError("fetch failed", {
          cause: Object.assign(new Error("connect ..."), fields),
        }),
      });
    expect(
      formatErrorLine(socketError({ code: "ECONNREFUSED", address: "127.0.0.1", port: 1 })),
    ).toBe("error: NetworkError: cannot connect to 127.0.0.1:1: ECONNREFUSED (Task_Get)");
    expect(formatErrorLine(socketError({ code: "ENOTFOUND", hostname: "acct.example" }))).toBe(
      "error: NetworkError: cannot connect to acct.example: ENOTFOUND (Task_Get)",
    );
    // A socket error that says nowhere keeps the client's message.
    expect(formatErrorLine(socketError({ code: "ECONNRESET" }))).toBe(
      "error: NetworkError: Task_Get got no answer: fetch failed (connect ...)",
    );
  });

  it("names network failures, time-outs and aborts when there is no service code", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
      name: "BatchError",
      kind: "network",
    });
    expect(formatErrorLine(error)).toBe("error: NetworkError: connect ECONNREFUSED 127.0.0.1:9");
  });

  it("never prints a stack", () => {
    const error = new TypeError("x is not a function");
    expect(formatErrorLine(error)).toBe("error: x is not a function");
    expect(
      formatErrorLine(new CliError("bad file", { exitCode: ExitCode.usage, code: "InvalidInput" })),
    ).toBe("error: InvalidInput: bad file");
  });
});
