import { describe, expect, it } from "vitest";
import {
  jobSelectableProperties,
  subtaskSelectableProperties,
  taskSelectableProperties,
} from "./selectable-properties.js";

// The compiler already checks that each list covers every property of its wire type; these
// tests pin the parts a type cannot express.
describe("selectable properties", () => {
  it.each([
    ["task", taskSelectableProperties, 27],
    ["job", jobSelectableProperties, 20],
    ["subtask", subtaskSelectableProperties, 12],
  ] as const)("lists each %s property once, without OData annotations", (_, list, count) => {
    expect(new Set(list).size).toBe(list.length);
    expect(list).toHaveLength(count);
    expect(list.some((name) => name.startsWith("odata."))).toBe(false);
  });

  it("lets tasks select their statistics and execution details", () => {
    expect(taskSelectableProperties).toEqual(
      expect.arrayContaining([
        "id",
        "state",
        "stats",
        "executionInfo",
        "authenticationTokenSettings",
      ]),
    );
    expect(subtaskSelectableProperties).toEqual(
      expect.arrayContaining(["id", "exitCode", "result"]),
    );
    expect(jobSelectableProperties).toEqual(expect.arrayContaining(["poolInfo", "executionInfo"]));
  });
});
