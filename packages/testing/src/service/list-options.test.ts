import { describe, expect, it } from "vitest";
import { taskFilterFields } from "../odata/filter-fields.js";
import { taskSelectableProperties } from "../odata/selectable-properties.js";
import {
  compileFilterOption,
  decodeSkipToken,
  encodeSkipToken,
  expandStatsOption,
  pageSizeOption,
  selectOption,
} from "./list-options.js";
import { ServiceError } from "./service-error.js";
import { DEFAULT_LIMITS } from "./service-limits.js";

function errorOf(action: () => unknown): ServiceError {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("expected a ServiceError");
}

const detail = (error: ServiceError, key: string) =>
  error.values?.find((entry) => entry.key === key)?.value;

describe("list options", () => {
  it("page size: 1000 by default, 1..1000 allowed", () => {
    const limit = DEFAULT_LIMITS.maxPageSize;
    expect(pageSizeOption(undefined, limit)).toBe(1000);
    expect(pageSizeOption(1, limit)).toBe(1);
    expect(pageSizeOption(1000, limit)).toBe(1000);
    for (const bad of [0, -5, 1001]) {
      const error = errorOf(() => pageSizeOption(bad, limit));
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

  it("gives a filter's syntax error with its position, and a semantic one with its reason", () => {
    const syntax = errorOf(() => compileFilterOption("state eq", taskFilterFields));
    expect(syntax.message).toBe(
      "The value of the query parameter $filter in the request URI is not valid.",
    );
    expect(syntax.values).toContainEqual({ key: "QueryParameterValue", value: "state eq" });
    expect(detail(syntax, "Reason")).toMatch(/^Syntax error at position 8: expected a literal/);
    const semantic = errorOf(() => compileFilterOption("state gt 'active'", taskFilterFields));
    expect(detail(semantic, "Reason")).toBe(
      "the operator 'gt' cannot be used with 'state'; it supports eq, ne",
    );
  });

  it("turns select and expand errors into InvalidQueryParameterValue", () => {
    expect(selectOption("ID,State", ["id", "state"])).toEqual(["id", "state"]);
    expect(errorOf(() => selectOption("nosuch", ["id"])).code).toBe("InvalidQueryParameterValue");
    expect(expandStatsOption("stats")).toBe(true);
    expect(expandStatsOption(undefined)).toBe(false);
    expect(errorOf(() => expandStatsOption("files")).code).toBe("InvalidQueryParameterValue");
  });

  it("names $select and $expand as the parameter at fault, with the reason", () => {
    const select = errorOf(() => selectOption("id,bogus", taskSelectableProperties));
    expect(select.values).toContainEqual({ key: "QueryParameterName", value: "$select" });
    expect(detail(select, "Reason")).toMatch(/'bogus' is not a property/);
    const expand = errorOf(() => expandStatsOption("files"));
    expect(expand.values).toContainEqual({ key: "QueryParameterName", value: "$expand" });
    expect(expand.values).toContainEqual({ key: "QueryParameterValue", value: "files" });
  });
});
