import { describe, expect, it } from "vitest";
import { mergeConstraints, updateBodyFromJson } from "./task-update-body.js";

describe("task update bodies", () => {
  it("accepts a bare constraints object (az) and the REST body", () => {
    expect(updateBodyFromJson({ maxTaskRetryCount: 2 }, "f")).toEqual({
      constraints: { maxTaskRetryCount: 2 },
    });
    expect(updateBodyFromJson({ constraints: { retentionTime: "P1D" } }, "f")).toEqual({
      constraints: { retentionTime: "P1D" },
    });
    expect(() => updateBodyFromJson({ constraints: 3 }, "f")).toThrow(/must be an object/);
  });

  it("lets flags override the file and requires one of them", () => {
    expect(
      mergeConstraints(
        { constraints: { maxTaskRetryCount: 2, retentionTime: "P1D" } },
        { maxTaskRetryCount: 5 },
      ),
    ).toEqual({ constraints: { maxTaskRetryCount: 5, retentionTime: "P1D" } });
    expect(() => mergeConstraints(undefined, undefined)).toThrow(/give at least one/);
  });
});
