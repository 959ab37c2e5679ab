import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatFilter, formatLiteral } from "./filter-format.js";
import { type FilterLiteral, type FilterNode, parseFilter } from "./filter-parser.js";

const KEYWORDS = new Set(["and", "or", "not", "true", "false", "null", "startswith"]);
const OPERATORS = ["eq", "ne", "gt", "ge", "lt", "le"] as const;

const segment = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)
  .filter(
    (word) =>
      !KEYWORDS.has(word.toLowerCase()) && !OPERATORS.some((op) => op === word.toLowerCase()),
  );
const property = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("/"));

// Date-time literals are formatted with toISOString, which covers years 1..9999 exactly.
const FIRST_MS_OF_YEAR_1 = -62_135_596_800_000;
const LAST_MS_OF_YEAR_9999 = 253_402_300_799_999;
const literal: fc.Arbitrary<FilterLiteral> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }).map((value) => ({ type: "string" as const, value })),
  fc
    .integer({ min: -(2 ** 40), max: 2 ** 40 })
    .map((value) => ({ type: "number" as const, value })),
  fc
    .integer({ min: FIRST_MS_OF_YEAR_1, max: LAST_MS_OF_YEAR_9999 })
    .map((value) => ({ type: "datetime" as const, value })),
  fc.boolean().map((value) => ({ type: "boolean" as const, value })),
  fc.constant({ type: "null" as const }),
);

const filterTree: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({
      kind: fc.constant("compare" as const),
      op: fc.constantFrom(...OPERATORS),
      property,
      value: literal,
    }),
    fc.record({
      kind: fc.constant("startswith" as const),
      property,
      value: fc.string({ maxLength: 8 }),
    }),
    fc.record({ kind: fc.constant("not" as const), operand: tie("node") }),
    fc.record({
      kind: fc.constantFrom("and" as const, "or" as const),
      left: tie("node"),
      right: tie("node"),
    }),
  ),
})).node;

describe("formatFilter", () => {
  it("prints literals in the forms the parser reads", () => {
    expect(formatLiteral({ type: "string", value: "it's" })).toBe("'it''s'");
    expect(formatLiteral({ type: "number", value: -12 })).toBe("-12");
    expect(formatLiteral({ type: "number", value: 1e21 })).toBe("1000000000000000000000");
    expect(formatLiteral({ type: "number", value: 1.5e-7 })).toBe("0.00000015");
    expect(formatLiteral({ type: "number", value: -1.25e22 })).toBe("-12500000000000000000000");
    expect(formatLiteral({ type: "number", value: 0.5 })).toBe("0.5");
    expect(formatLiteral({ type: "datetime", value: Date.UTC(2025, 0, 2, 3, 4, 5, 6) })).toBe(
      "datetime'2025-01-02T03:04:05.006Z'",
    );
    expect(formatLiteral({ type: "boolean", value: false })).toBe("false");
    expect(formatLiteral({ type: "null" })).toBe("null");
    expect(formatLiteral({ type: "datetime", value: FIRST_MS_OF_YEAR_1 })).toBe(
      "datetime'0001-01-01T00:00:00.000Z'",
    );
  });

  it("uses parentheses only where precedence or left association needs them", () => {
    const text = "a eq 1 or b eq 2 and (c eq 3 or d eq 4) and not (e eq 5 and f eq 6)";
    expect(formatFilter(parseFilter(text))).toBe(text);
    expect(formatFilter(parseFilter("(a eq 1 or b eq 2) or c eq 3"))).toBe(
      "a eq 1 or b eq 2 or c eq 3",
    );
    expect(formatFilter(parseFilter("a eq 1 or (b eq 2 or c eq 3)"))).toBe(
      "a eq 1 or (b eq 2 or c eq 3)",
    );
    expect(formatFilter(parseFilter("not not startswith(id,'x')"))).toBe(
      "not not startswith(id, 'x')",
    );
  });

  it("prints any finite number as a decimal that reads back as the same number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const printed = formatLiteral({ type: "number", value });
        expect(printed).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(printed)).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips: parsing the printed form of any tree gives the same tree", () => {
    fc.assert(
      fc.property(filterTree, (tree) => {
        expect(parseFilter(formatFilter(tree))).toEqual(tree);
      }),
      { numRuns: 1000 },
    );
  });
});
