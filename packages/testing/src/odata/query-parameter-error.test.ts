import { describe, expect, it } from "vitest";
import { compileFilter, FilterError } from "./filter-compiler.js";
import { taskFilterFields } from "./filter-fields.js";
import { FilterSyntaxError } from "./filter-syntax-error.js";
import {
  filterErrorDetails,
  invalidQueryParameter,
  selectErrorDetails,
} from "./query-parameter-error.js";
import { parseExpand, parseSelect, SelectError } from "./select.js";
import { taskSelectableProperties } from "./selectable-properties.js";

// biome-ignore lint/suspicious/noExplicitAny: any constructor signature is fine for instanceof
function thrownBy<E>(run: () => unknown, type: new (...args: any[]) => E): E {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error("expected an error");
}

const detailValue = (values: { key: string; value: string }[], key: string) =>
  values.find((entry) => entry.key === key)?.value;

describe("InvalidQueryParameterValue details", () => {
  it("name the parameter, echo its value and give the reason", () => {
    expect(invalidQueryParameter("$filter", "x", "because")).toEqual({
      code: "InvalidQueryParameterValue",
      status: 400,
      message: "The value of the query parameter $filter in the request URI is not valid.",
      values: [
        { key: "QueryParameterName", value: "$filter" },
        { key: "QueryParameterValue", value: "x" },
        { key: "Reason", value: "because" },
      ],
    });
  });

  it("describe a syntax error with its position", () => {
    const text = "state eq";
    const error = thrownBy(() => compileFilter(text, taskFilterFields), FilterSyntaxError);
    const details = filterErrorDetails(error, text);
    expect(details.status).toBe(400);
    expect(detailValue(details.values, "QueryParameterName")).toBe("$filter");
    expect(detailValue(details.values, "QueryParameterValue")).toBe(text);
    expect(detailValue(details.values, "Reason")).toMatch(
      /^Syntax error at position 8: expected a literal/,
    );
  });

  it("describe a semantic error with its reason", () => {
    const text = "state gt 'active'";
    const error = thrownBy(() => compileFilter(text, taskFilterFields), FilterError);
    const details = filterErrorDetails(error, text);
    expect(detailValue(details.values, "Reason")).toBe(
      "the operator 'gt' cannot be used with 'state'; it supports eq, ne",
    );
  });

  it("describe $select and $expand errors under their own parameter names", () => {
    const select = selectErrorDetails(
      thrownBy(() => parseSelect("id,bogus", taskSelectableProperties), SelectError),
      "id,bogus",
    );
    expect(detailValue(select.values, "QueryParameterName")).toBe("$select");
    expect(detailValue(select.values, "Reason")).toMatch(/'bogus' is not a property/);
    const expand = selectErrorDetails(
      thrownBy(() => parseExpand("files"), SelectError),
      "files",
    );
    expect(detailValue(expand.values, "QueryParameterName")).toBe("$expand");
    expect(detailValue(expand.values, "QueryParameterValue")).toBe("files");
  });
});
