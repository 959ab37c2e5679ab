import { describe, expect, it } from "vitest";
import { parseExpand, parseSelect, projectSelect, SelectError } from "./select.js";
import { taskSelectableProperties } from "./selectable-properties.js";

function selectError(run: () => unknown): SelectError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SelectError);
    return error as SelectError;
  }
  throw new Error("expected a SelectError");
}

describe("parseSelect", () => {
  it("returns canonical names for a comma-separated list, ignoring case and spaces", () => {
    expect(parseSelect("id,state", taskSelectableProperties)).toEqual(["id", "state"]);
    expect(parseSelect(" ID , ExecutionInfo,commandline ", taskSelectableProperties)).toEqual([
      "id",
      "executionInfo",
      "commandLine",
    ]);
  });

  it("drops repeated names", () => {
    expect(parseSelect("id,Id,state,id", taskSelectableProperties)).toEqual(["id", "state"]);
  });

  it("rejects unknown names and names the allowed ones", () => {
    const error = selectError(() => parseSelect("id,colour", taskSelectableProperties));
    expect(error.parameter).toBe("$select");
    expect(error.reason).toMatch(
      /'colour' is not a property that can be selected; expected one of: id, displayName/,
    );
    expect(error.message).toBe(`Invalid $select: ${error.reason}`);
  });

  it("rejects nested paths, which the service does not support", () => {
    expect(
      selectError(() => parseSelect("executionInfo/exitCode", taskSelectableProperties)).reason,
    ).toMatch(/only top-level properties can be selected/);
  });

  it("rejects empty lists and empty items", () => {
    expect(selectError(() => parseSelect("", taskSelectableProperties)).reason).toMatch(
      /no property names were given/,
    );
    expect(selectError(() => parseSelect("  ", taskSelectableProperties)).reason).toMatch(
      /no property names/,
    );
    expect(selectError(() => parseSelect("id,,state", taskSelectableProperties)).reason).toMatch(
      /item 2 of 3 is empty/,
    );
    expect(selectError(() => parseSelect("id,", taskSelectableProperties)).reason).toMatch(
      /item 2 of 2 is empty/,
    );
  });
});

describe("projectSelect", () => {
  const task = {
    "odata.metadata": "http://host/$metadata#tasks/@Element",
    id: "t1",
    state: "active",
    commandLine: "echo hi",
    executionInfo: { retryCount: 0 },
  };

  it("returns the item itself when nothing was selected", () => {
    expect(projectSelect(task, undefined)).toBe(task);
  });

  it("keeps only the selected properties that exist, plus OData annotations", () => {
    expect(projectSelect(task, ["id", "executionInfo", "displayName"])).toEqual({
      "odata.metadata": "http://host/$metadata#tasks/@Element",
      id: "t1",
      executionInfo: { retryCount: 0 },
    });
    expect(projectSelect({ id: "x", state: "active" }, [])).toEqual({});
  });

  it("does not modify the original item", () => {
    projectSelect(task, ["id"]);
    expect(Object.keys(task)).toHaveLength(5);
  });
});

describe("parseExpand", () => {
  it("accepts stats in any case", () => {
    expect(parseExpand("stats")).toEqual({ stats: true });
    expect(parseExpand(" Stats ")).toEqual({ stats: true });
    expect(parseExpand("stats,STATS")).toEqual({ stats: true });
  });

  it("rejects anything else, and empty values", () => {
    const error = selectError(() => parseExpand("stats,nodeInfo"));
    expect(error.parameter).toBe("$expand");
    expect(error.reason).toBe("'nodeInfo' cannot be expanded; the only value allowed is stats");
    expect(selectError(() => parseExpand("")).parameter).toBe("$expand");
  });
});
