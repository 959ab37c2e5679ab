import { describe, expect, it } from "vitest";
import { type ConditionalHeaders, checkConditions } from "./conditions.js";
import { ServiceError } from "./service-error.js";

const target = { eTag: "0x8DC000000000005", lastModified: Date.UTC(2025, 5, 1, 12, 0, 0, 400) };
const before = "Sun, 01 Jun 2025 11:59:59 GMT";
const same = "Sun, 01 Jun 2025 12:00:00 GMT";

function outcome(headers: ConditionalHeaders, kind: "read" | "write"): string {
  try {
    checkConditions(headers, target, kind);
    return "ok";
  } catch (error) {
    if (error instanceof ServiceError) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe("checkConditions", () => {
  it("passes without headers", () => {
    expect(outcome({}, "read")).toBe("ok");
  });

  it("If-Match: proceeds on the current tag or *, else 412", () => {
    expect(outcome({ ifMatch: target.eTag }, "write")).toBe("ok");
    expect(outcome({ ifMatch: `"${target.eTag}"` }, "write")).toBe("ok");
    expect(outcome({ ifMatch: "*" }, "write")).toBe("ok");
    expect(outcome({ ifMatch: "0x1" }, "read")).toBe("412 ConditionNotMet");
    expect(outcome({ ifMatch: "0x1" }, "write")).toBe("412 ConditionNotMet");
  });

  it("If-None-Match: 304 on reads and 412 on writes when the tag matches", () => {
    expect(outcome({ ifNoneMatch: "0x1" }, "read")).toBe("ok");
    expect(outcome({ ifNoneMatch: target.eTag }, "read")).toBe("304 ConditionNotMet");
    expect(outcome({ ifNoneMatch: "*" }, "read")).toBe("304 ConditionNotMet");
    expect(outcome({ ifNoneMatch: target.eTag }, "write")).toBe("412 ConditionNotMet");
  });

  it("If-Modified-Since compares whole seconds: 304 on reads, 412 on writes", () => {
    expect(outcome({ ifModifiedSince: before }, "read")).toBe("ok");
    expect(outcome({ ifModifiedSince: same }, "read")).toBe("304 ConditionNotMet");
    expect(outcome({ ifModifiedSince: same }, "write")).toBe("412 ConditionNotMet");
  });

  it("If-Unmodified-Since: 412 when changed after the date", () => {
    expect(outcome({ ifUnmodifiedSince: same }, "write")).toBe("ok");
    expect(outcome({ ifUnmodifiedSince: before }, "write")).toBe("412 ConditionNotMet");
    expect(outcome({ ifUnmodifiedSince: before }, "read")).toBe("412 ConditionNotMet");
  });

  it("allows the two pairs, where the ETag header decides", () => {
    expect(outcome({ ifNoneMatch: "0x1", ifModifiedSince: same }, "read")).toBe("ok");
    expect(outcome({ ifMatch: target.eTag, ifUnmodifiedSince: before }, "write")).toBe("ok");
  });

  it.each([
    { ifMatch: "a", ifNoneMatch: "b" },
    { ifMatch: "a", ifModifiedSince: same },
    { ifNoneMatch: "a", ifUnmodifiedSince: same },
    { ifModifiedSince: same, ifUnmodifiedSince: same },
    { ifMatch: "a", ifNoneMatch: "b", ifModifiedSince: same },
  ])("refuses other combinations: %j", (headers) => {
    expect(outcome(headers, "read")).toBe("400 MultipleConditionHeadersNotSupported");
  });

  it("refuses dates it cannot read", () => {
    expect(outcome({ ifModifiedSince: "yesterday" }, "read")).toBe("400 InvalidHeaderValue");
  });
});
