import { describe, expect, it } from "vitest";
import { taskFilterFields } from "../odata/filter-fields.js";
import {
  compileFilterOption,
  decodeSkipToken,
  encodeSkipToken,
  expandStatsOption,
  pageSizeOption,
  selectOption,
} from "./list-options.js";
import { ServiceError } from "./service-error.js";

function errorOf(action: () => unknown): ServiceError {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("expected a ServiceError");
}

describe("list options", () => {
  it("page size: 1000 by default, 1..1000 allowed", () => {
    expect(pageSizeOption(undefined)).toBe(1000);
    expect(pageSizeOption(1)).toBe(1);
    expect(pageSizeOption(1000)).toBe(1000);
    for (const bad of [0, -5, 1001]) {
      const error = errorOf(() => pageSizeOption(bad));
      expect(error.code).toBe("OutOfRangeQueryParameterValue");
      expect(error.values).toContainEqual({ key: "QueryParameterName", value: "maxresults" });
    }
  });

  it("skip tokens round-trip and are tied to their list", () => {
    expect(decodeSkipToken("tasks", encodeSkipToken("tasks", 1234))).toBe(1234);
    expect(decodeSkipToken("tasks", undefined)).toBe(0);
    for (const bad of ["garbage", "", encodeSkipToken("jobs", 3), "dGFza3M6LTE"]) {
      const error = errorOf(() => decodeSkipToken("tasks", bad));
      expect(error.code).toBe("InvalidQueryParameterValue");
      expect(error.values).toContainEqual({ key: "QueryParameterName", value: "$skiptoken" });
    }
  });

  it("turns filter errors into InvalidQueryParameterValue", () => {
    expect(compileFilterOption(undefined, taskFilterFields)).toBeUndefined();
    expect(compileFilterOption("state eq 'active'", taskFilterFields)).toBeTypeOf("function");
    for (const bad of ["state eq", "nosuch eq 1", "(state eq 'active'"]) {
      const error = errorOf(() => compileFilterOption(bad, taskFilterFields));
      expect(error.status).toBe(400);
      expect(error.code).toBe("InvalidQueryParameterValue");
      expect(error.values).toContainEqual({ key: "QueryParameterName", value: "$filter" });
    }
  });

  it("turns select and expand errors into InvalidQueryParameterValue", () => {
    expect(selectOption("ID,State", ["id", "state"])).toEqual(["id", "state"]);
    expect(errorOf(() => selectOption("nosuch", ["id"])).code).toBe("InvalidQueryParameterValue");
    expect(expandStatsOption("stats")).toBe(true);
    expect(expandStatsOption(undefined)).toBe(false);
    expect(errorOf(() => expandStatsOption("files")).code).toBe("InvalidQueryParameterValue");
  });
});
