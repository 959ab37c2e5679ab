// Checks the setup file's effect from the outside (this file does not import it): without it,
// fast-check picks a new random seed for every assert.

import fc from "fast-check";
import { describe, expect, it } from "vitest";

describe("property test seed", () => {
  it("is pinned for every test file", () => {
    expect(Number.isInteger(fc.readConfigureGlobal().seed)).toBe(true);
  });

  it("makes an assert without a seed of its own generate the same cases every time", () => {
    const run = () => {
      const seen: number[] = [];
      fc.assert(
        fc.property(fc.integer(), (value) => {
          seen.push(value);
        }),
        { numRuns: 20 },
      );
      return seen;
    };
    expect(run()).toEqual(run());
  });
});
