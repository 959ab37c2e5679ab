import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { BatchError, isBatchError, parseServiceError, serviceError } from "./errors.js";

describe("BatchError", () => {
  it("carries every field, with the name on the prototype", () => {
    const cause = new Error("boom");
    const error = new BatchError({
      kind: "service",
      message: "The specified task does not exist.",
      status: 404,
      code: "TaskNotFound",
      values: [{ key: "Reason", value: "gone" }],
      requestId: "r-1",
      clientRequestId: "c-1",
      operation: "Task_Get",
      attempts: 2,
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("BatchError");
    expect(Object.keys(error)).not.toContain("name");
    expect(error.stack).toMatch(/^BatchError: The specified task does not exist\./);
    expect(error).toMatchObject({
      kind: "service",
      status: 404,
      code: "TaskNotFound",
      values: [{ key: "Reason", value: "gone" }],
      requestId: "r-1",
      clientRequestId: "c-1",
      operation: "Task_Get",
      attempts: 2,
      retried: true,
    });
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toEqual({
      name: "BatchError",
      kind: "service",
      status: 404,
      code: "TaskNotFound",
      message: "The specified task does not exist.",
      values: [{ key: "Reason", value: "gone" }],
      requestId: "r-1",
      clientRequestId: "c-1",
      operation: "Task_Get",
      attempts: 2,
    });
  });

  it("redacts credentials from its message, values, JSON and inspect output", () => {
    const signature = "Ce7rjwWnRJkPlxyYytSUldq+5ee+mMg9tCqqheXyAxM=";
    const error = new BatchError({
      kind: "service",
      message: `Server failed to authenticate. The MAC signature found in the HTTP request '${signature}' is not the same`,
      values: [{ key: "AuthenticationErrorDetail", value: `SharedKey devaccount:${signature}` }],
      cause: new Error(
        `GET https://h/x?sig=abcDEF123&sv=1 failed with Bearer eyJhbGciOi.eyJzdWIi.c2ln`,
      ),
    });
    for (const text of [error.message, JSON.stringify(error), inspect(error), String(error)]) {
      expect(text).not.toContain(signature);
      expect(text).not.toContain("abcDEF123");
      expect(text).not.toContain("eyJhbGciOi");
    }
    expect(inspect(error)).toContain("[cause]: Error: GET https://h/x?sig=REDACTED");
    expect(error.message).toContain("REDACTED");
  });
});

describe("isBatchError", () => {
  it("recognises BatchErrors by name and shape, also from another copy of the package", () => {
    class OtherCopyBatchError extends Error {
      kind = "network";
    }
    Object.defineProperty(OtherCopyBatchError.prototype, "name", { value: "BatchError" });
    expect(isBatchError(new BatchError({ kind: "network", message: "x" }))).toBe(true);
    expect(isBatchError(new OtherCopyBatchError("x"))).toBe(true);
    expect(isBatchError(new Error("x"))).toBe(false);
    expect(isBatchError({ name: "BatchError", kind: "service", message: "from JSON" })).toBe(true);
    expect(isBatchError({ name: "BatchError", kind: "service" })).toBe(false);
    expect(isBatchError({ name: "BatchError", message: "no kind" })).toBe(false);
    expect(isBatchError(null)).toBe(false);
  });
});

describe("parseServiceError", () => {
  it("reads the service's parsed error body, an odata.error wrapper, text and junk", () => {
    expect(
      parseServiceError({
        code: "TaskNotFound",
        message: { lang: "en-US", value: "gone" },
        values: [{ key: "k", value: "v" }],
      }),
    ).toEqual({ code: "TaskNotFound", message: "gone", values: [{ key: "k", value: "v" }] });
    expect(
      parseServiceError({ "odata.error": { code: "X", message: { value: "m" } } }),
    ).toMatchObject({
      code: "X",
      message: "m",
    });
    expect(parseServiceError({ code: "Y", message: "plain" })).toMatchObject({
      code: "Y",
      message: "plain",
    });
    expect(parseServiceError("<html>oops</html>")).toEqual({
      code: undefined,
      message: undefined,
      values: undefined,
    });
    expect(parseServiceError(42).code).toBeUndefined();
  });
});

describe("serviceError", () => {
  it("uses the response's request-id and falls back to the text of a non-JSON body", () => {
    const response = new Response(null, { status: 502, headers: { "request-id": "r-9" } });
    const error = serviceError(response, "Bad Gateway from proxy", {
      operation: "Task_List",
      clientRequestId: "c-9",
      attempts: 3,
    });
    expect(error).toMatchObject({
      kind: "service",
      status: 502,
      code: undefined,
      requestId: "r-9",
      clientRequestId: "c-9",
      operation: "Task_List",
      attempts: 3,
    });
    expect(error.message).toBe("Task_List failed with HTTP 502: Bad Gateway from proxy");
    expect(serviceError(new Response(null, { status: 500 }), "", {}).message).toBe(
      "request failed with HTTP 500",
    );
  });
});
