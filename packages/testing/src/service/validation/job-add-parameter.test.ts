import { describe, expect, it } from "vitest";
import { ServiceError } from "../service-error.js";
import { validateJobAddParameter, validateJobTerminateParameter } from "./job-add-parameter.js";
import { validateTaskUpdateParameter } from "./task-update-parameter.js";

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError) return `${error.status} ${error.code}`;
    throw error;
  }
  return "no error";
}

describe("validateJobAddParameter", () => {
  it("accepts a job bound to a pool", () => {
    expect(validateJobAddParameter({ id: "j1", poolInfo: { poolId: "p" } })).toEqual({
      id: "j1",
      poolInfo: { poolId: "p" },
    });
  });

  it("requires id and poolInfo", () => {
    expect(codeOf(() => validateJobAddParameter({ poolInfo: { poolId: "p" } }))).toBe(
      "400 MissingRequiredProperty",
    );
    expect(codeOf(() => validateJobAddParameter({ id: "j" }))).toBe("400 MissingRequiredProperty");
  });

  it.each([
    { id: "bad/id", poolInfo: { poolId: "p" } },
    { id: "j", poolInfo: { poolId: "p" }, priority: 1001 },
    { id: "j", poolInfo: { poolId: "p" }, maxParallelTasks: 0 },
    { id: "j", poolInfo: { poolId: "p" }, onAllTasksComplete: "sometimes" },
    { id: "j", poolInfo: { poolId: "p" }, onTaskFailure: "panic" },
    { id: "j", poolInfo: { poolId: "p" }, usesTaskDependencies: "yes" },
    { id: "j", poolInfo: { poolId: "p" }, constraints: { maxWallClockTime: "forever" } },
    { id: "j", poolInfo: { poolId: "p" }, metadata: [{ name: "a" }] },
  ])("refuses %j", (body) => {
    expect(codeOf(() => validateJobAddParameter(body))).toMatch(
      /^400 (InvalidPropertyValue|MissingRequiredProperty)$/,
    );
  });

  it("refuses job manager and other settings it does not model, rather than ignore them", () => {
    const base = { id: "j", poolInfo: { poolId: "p" } };
    expect(
      codeOf(() =>
        validateJobAddParameter({ ...base, jobManagerTask: { id: "m", commandLine: "x" } }),
      ),
    ).toBe("400 UnsupportedProperty");
    expect(
      codeOf(() => validateJobAddParameter({ id: "j", poolInfo: { autoPoolSpecification: {} } })),
    ).toBe("400 UnsupportedProperty");
    expect(codeOf(() => validateJobAddParameter({ ...base, "odata.type": "x" }))).toBe("no error");
  });
});

describe("validateJobTerminateParameter", () => {
  it("reads the optional reason", () => {
    expect(validateJobTerminateParameter(undefined)).toBeUndefined();
    expect(validateJobTerminateParameter({})).toBeUndefined();
    expect(validateJobTerminateParameter({ terminateReason: "Done" })).toBe("Done");
    expect(codeOf(() => validateJobTerminateParameter({ reason: "Done" }))).toBe(
      "400 UnsupportedProperty",
    );
    expect(codeOf(() => validateJobTerminateParameter({ terminateReason: 3 }))).toBe(
      "400 InvalidPropertyValue",
    );
  });
});

describe("validateTaskUpdateParameter", () => {
  it("returns the new constraints, or undefined for the defaults", () => {
    expect(validateTaskUpdateParameter(undefined)).toBeUndefined();
    expect(validateTaskUpdateParameter({})).toBeUndefined();
    expect(validateTaskUpdateParameter({ constraints: { maxTaskRetryCount: 3 } })).toEqual({
      maxTaskRetryCount: 3,
    });
    expect(
      codeOf(() => validateTaskUpdateParameter({ constraints: { retentionTime: "soon" } })),
    ).toBe("400 InvalidPropertyValue");
    // A client that believes it can change the command line learns it cannot.
    expect(codeOf(() => validateTaskUpdateParameter({ commandLine: "y" }))).toBe(
      "400 UnsupportedProperty",
    );
  });
});
