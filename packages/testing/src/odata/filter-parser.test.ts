import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatFilter } from "./filter-format.js";
import {
  type FilterNode,
  FilterSyntaxError,
  MAX_FILTER_DEPTH,
  MAX_FILTER_LENGTH,
  parseFilter,
} from "./filter-parser.js";

const cmp = (property: string, op: string, value: unknown) => ({
  kind: "compare",
  op,
  property,
  value,
});
const str = (value: string) => ({ type: "string", value });

function syntaxError(text: string): FilterSyntaxError {
  try {
    parseFilter(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FilterSyntaxError);
    return error as FilterSyntaxError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe("parseFilter: comparisons and literals", () => {
  it("parses each comparison operator", () => {
    for (const op of ["eq", "ne", "gt", "ge", "lt", "le"]) {
      expect(parseFilter(`executionInfo/exitCode ${op} 3`)).toEqual(
        cmp("executionInfo/exitCode", op, { type: "number", value: 3 }),
      );
    }
  });

  it("reads keywords and operators in any case", () => {
    expect(parseFilter("NOT state EQ 'active' AND id Ne 'x' oR id gE 'a'")).toEqual({
      kind: "or",
      left: {
        kind: "and",
        left: { kind: "not", operand: cmp("state", "eq", str("active")) },
        right: cmp("id", "ne", str("x")),
      },
      right: cmp("id", "ge", str("a")),
    });
  });

  it("keeps the property name as written and reads slash-separated paths", () => {
    expect(parseFilter("ExecutionInfo/Result eq 'failure'")).toEqual(
      cmp("ExecutionInfo/Result", "eq", str("failure")),
    );
  });

  it("reads string literals with doubled quotes as escapes", () => {
    expect(parseFilter("id eq 'it''s'")).toEqual(cmp("id", "eq", str("it's")));
    expect(parseFilter("id eq ''")).toEqual(cmp("id", "eq", str("")));
    expect(parseFilter("id eq ''''")).toEqual(cmp("id", "eq", str("'")));
    expect(parseFilter("id eq 'a b ( ) , and'")).toEqual(cmp("id", "eq", str("a b ( ) , and")));
  });

  it("reads integers, negative numbers and decimals", () => {
    expect(parseFilter("x eq -5")).toEqual(cmp("x", "eq", { type: "number", value: -5 }));
    expect(parseFilter("x eq 0")).toEqual(cmp("x", "eq", { type: "number", value: 0 }));
    expect(parseFilter("x eq -0")).toEqual(cmp("x", "eq", { type: "number", value: 0 }));
    expect(parseFilter("x eq 1.25")).toEqual(cmp("x", "eq", { type: "number", value: 1.25 }));
  });

  it("reads datetime'…' literals and bare ISO timestamps as epoch milliseconds", () => {
    const at = Date.UTC(2025, 0, 2, 3, 4, 5);
    const datetime = (value: number) => ({ type: "datetime", value });
    expect(parseFilter("creationTime gt datetime'2025-01-02T03:04:05Z'")).toEqual(
      cmp("creationTime", "gt", datetime(at)),
    );
    expect(parseFilter("creationTime gt DateTime'2025-01-02T03:04:05Z'")).toEqual(
      cmp("creationTime", "gt", datetime(at)),
    );
    expect(parseFilter("creationTime gt datetimeoffset'2025-01-02T04:04:05+01:00'")).toEqual(
      cmp("creationTime", "gt", datetime(at)),
    );
    expect(parseFilter("creationTime gt 2025-01-02T03:04:05Z")).toEqual(
      cmp("creationTime", "gt", datetime(at)),
    );
    expect(parseFilter("creationTime lt 2025-01-02T03:04:05.123Z")).toEqual(
      cmp("creationTime", "lt", datetime(at + 123)),
    );
    expect(parseFilter("(creationTime lt 2025-01-02T03:04:05Z)")).toEqual(
      cmp("creationTime", "lt", datetime(at)),
    );
  });

  it("reads true, false and null in any case", () => {
    expect(parseFilter("x eq TRUE")).toEqual(cmp("x", "eq", { type: "boolean", value: true }));
    expect(parseFilter("x ne false")).toEqual(cmp("x", "ne", { type: "boolean", value: false }));
    expect(parseFilter("x eq Null")).toEqual(cmp("x", "eq", { type: "null" }));
  });

  it("tolerates any amount of whitespace, including none around parentheses", () => {
    expect(parseFilter("  \t(state eq 'active')\r\n")).toEqual(cmp("state", "eq", str("active")));
    expect(parseFilter("(id eq'a')or(id eq'b')")).toEqual({
      kind: "or",
      left: cmp("id", "eq", str("a")),
      right: cmp("id", "eq", str("b")),
    });
  });
});

describe("parseFilter: structure", () => {
  it("binds 'and' tighter than 'or', and 'not' tighter than both", () => {
    expect(parseFilter("a eq 1 or b eq 2 and not c eq 3")).toEqual({
      kind: "or",
      left: cmp("a", "eq", { type: "number", value: 1 }),
      right: {
        kind: "and",
        left: cmp("b", "eq", { type: "number", value: 2 }),
        right: { kind: "not", operand: cmp("c", "eq", { type: "number", value: 3 }) },
      },
    });
  });

  it("associates chains to the left", () => {
    const a = cmp("a", "eq", { type: "number", value: 1 });
    const b = cmp("b", "eq", { type: "number", value: 2 });
    const c = cmp("c", "eq", { type: "number", value: 3 });
    expect(parseFilter("a eq 1 and b eq 2 and c eq 3")).toEqual({
      kind: "and",
      left: { kind: "and", left: a, right: b },
      right: c,
    });
    expect(parseFilter("a eq 1 and (b eq 2 and c eq 3)")).toEqual({
      kind: "and",
      left: a,
      right: { kind: "and", left: b, right: c },
    });
  });

  it("parses the documented example", () => {
    expect(parseFilter("(executionInfo/exitCode lt 0) or (executionInfo/exitCode gt 0)")).toEqual({
      kind: "or",
      left: cmp("executionInfo/exitCode", "lt", { type: "number", value: 0 }),
      right: cmp("executionInfo/exitCode", "gt", { type: "number", value: 0 }),
    });
  });

  it("parses startswith, alone or compared with a boolean", () => {
    const node = { kind: "startswith", property: "id", value: "task-" };
    expect(parseFilter("startswith(id,'task-')")).toEqual(node);
    expect(parseFilter("StartsWith( id , 'task-' )")).toEqual(node);
    expect(parseFilter("startswith(id, 'task-') eq true")).toEqual(node);
    expect(parseFilter("startswith(id, 'task-') ne false")).toEqual(node);
    expect(parseFilter("startswith(id, 'task-') eq false")).toEqual({ kind: "not", operand: node });
    expect(parseFilter("startswith(id, 'task-') ne true")).toEqual({ kind: "not", operand: node });
    expect(parseFilter("not startswith(id, 'a') and state eq 'active'")).toEqual({
      kind: "and",
      left: { kind: "not", operand: { kind: "startswith", property: "id", value: "a" } },
      right: cmp("state", "eq", str("active")),
    });
  });

  it(`accepts nesting up to ${MAX_FILTER_DEPTH} levels`, () => {
    const depth = MAX_FILTER_DEPTH - 1;
    const nested = `${"(".repeat(depth)}id eq 'a'${")".repeat(depth)}`;
    expect(parseFilter(nested)).toEqual(cmp("id", "eq", str("a")));
    expect(parseFilter(`${"not ".repeat(depth)}id eq 'a'`)).toMatchObject({ kind: "not" });
  });

  it("handles long and/or chains without recursion trouble", () => {
    const clauses = Array.from({ length: 200 }, (_, i) => `id eq '${i}'`);
    let node = parseFilter(clauses.join(" or "));
    let count = 1;
    while (node.kind === "or") {
      count++;
      node = node.left;
    }
    expect(count).toBe(200);
  });
});

describe("parseFilter: errors", () => {
  const cases: [string, number, RegExp][] = [
    ["", 0, /empty/],
    ["   ", 0, /empty/],
    ["state", 5, /expected a comparison operator .* after 'state' but found the end/],
    ["state is 'active'", 6, /comparison operator .* but found 'is'/],
    ["state eq", 8, /expected a literal .* after 'eq' but found the end of the filter/],
    ["state eq active", 9, /expected a literal .* but found 'active'/],
    ["state eq 'active", 9, /unterminated string literal/],
    ["state eq 'active' and", 21, /expected a comparison .* but found the end/],
    ["state eq 'active' state eq 'x'", 18, /expected 'and', 'or' or the end .* found 'state'/],
    ["(state eq 'active'", 18, /expected '\)' to close the '\(' at position 0/],
    ["state eq 'a')", 12, /expected 'and', 'or' or the end of the filter but found '\)'/],
    ["'active' eq state", 0, /expected a comparison .* found the string literal 'active'/],
    ["and eq 1", 0, /expected a comparison .* found 'and'/],
    ["id eq 'a' and or id eq 'b'", 14, /found 'or'/],
    ["endswith(id, 'a')", 0, /unknown function 'endswith'/],
    ["startswith(id)", 13, /expected ',' after the property name in startswith/],
    ["startswith('a', id)", 11, /property name as the first argument/],
    ["startswith(id, 5)", 15, /quoted string as the second argument/],
    ["startswith(id, 'a'", 18, /'\)' to close startswith/],
    ["startswith(id, 'a') gt 1", 20, /'eq true'/],
    ["startswith(id, 'a') eq 'x'", 23, /true or false after 'startswith\(…\) eq'/],
    ["x eq datetime'2025-13-01T00:00:00Z'", 14, /not a valid date-time/],
    ["x eq datetime'yesterday'", 14, /'yesterday' is not a valid date-time/],
    ["x eq 2025-02-30T00:00:00Z", 5, /not a valid date-time/],
    ["x eq 2025-01-02", 5, /needs a time part/],
    ["x eq guid'1234'", 5, /unsupported typed literal guid/],
    ["x eq X'00'", 5, /unsupported typed literal X/],
    ["x eq 12abc", 5, /invalid number '12a'/],
    ["x eq 1 & y eq 2", 7, /unexpected character '&'/],
    ["x eq \u0001", 5, /unexpected character U\+0001/],
    ["x eq 😀", 5, /unexpected character '😀'/],
    ["executionInfo/ eq 1", 14, /property name after '\/'/],
    ["x eq -", 5, /unexpected character '-'/],
  ];
  for (const [text, position, message] of cases) {
    it(`rejects ${JSON.stringify(text)} at position ${position}`, () => {
      const error = syntaxError(text);
      expect(error.position).toBe(position);
      expect(error.message).toMatch(message);
      expect(error.message).toContain(`position ${position}`);
    });
  }

  it(`rejects nesting deeper than ${MAX_FILTER_DEPTH} levels`, () => {
    const parens = `${"(".repeat(MAX_FILTER_DEPTH)}id eq 'a'${")".repeat(MAX_FILTER_DEPTH)}`;
    expect(syntaxError(parens)).toMatchObject({ position: MAX_FILTER_DEPTH });
    expect(syntaxError(parens).message).toMatch(/more than 50 levels/);
    const nots = `${"not ".repeat(MAX_FILTER_DEPTH)}id eq 'a'`;
    expect(syntaxError(nots).message).toMatch(/more than 50 levels/);
    // Far deeper input must fail the same way, not overflow the stack.
    expect(syntaxError("(".repeat(3000)).message).toMatch(/more than 50 levels/);
  });

  it(`rejects filters longer than ${MAX_FILTER_LENGTH} characters`, () => {
    const long = `id eq '${"a".repeat(MAX_FILTER_LENGTH)}'`;
    const error = syntaxError(long);
    expect(error.position).toBe(MAX_FILTER_LENGTH);
    expect(error.message).toMatch(/at most 4096/);
    expect(parseFilter(`id eq '${"a".repeat(MAX_FILTER_LENGTH - 8)}'`)).toMatchObject({
      kind: "compare",
    });
  });

  it("quotes at most a short excerpt of long offending input", () => {
    const error = syntaxError(`id eq 'a' ${"x".repeat(500)} eq 1`);
    expect(error.message.length).toBeLessThan(150);
  });
});

// Mutations of valid filters reach the deeper branches of the grammar far more often than
// random text does.
const VALID_SEEDS = [
  "state eq 'active'",
  "(executionInfo/exitCode lt 0) or (executionInfo/exitCode gt 0)",
  "startswith(id, 'task-''1') eq false and not creationTime ge datetime'2025-01-02T03:04:05Z'",
  "lastModified le 2025-01-02T03:04:05.123+01:00 or executionInfo/result ne null",
];
const FILTER_ALPHABET = [..."()',/ -.:0123456789TZaeglnqrt\t'\u0000é😀"];

const mutatedFilter = fc
  .tuple(
    fc.constantFrom(...VALID_SEEDS),
    fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom(...FILTER_ALPHABET)), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([seed, edits]) => {
    let text = seed;
    for (const [at, removeCount, insert] of edits) {
      const index = at % (text.length + 1);
      text = text.slice(0, index) + insert + text.slice(index + removeCount);
    }
    return text;
  });

function parsesOrFailsCleanly(text: string): void {
  try {
    const node: FilterNode = parseFilter(text);
    expect(typeof node.kind).toBe("string");
  } catch (error) {
    expect(error).toBeInstanceOf(FilterSyntaxError);
    const { position } = error as FilterSyntaxError;
    expect(Number.isInteger(position) && position >= 0 && position <= text.length).toBe(true);
  }
}

describe("parseFilter: robustness (property-based)", () => {
  it("either parses or throws FilterSyntaxError for arbitrary ASCII", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), parsesOrFailsCleanly), {
      numRuns: 2000,
    });
  });

  it("either parses or throws FilterSyntaxError for arbitrary Unicode", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), parsesOrFailsCleanly), {
      numRuns: 1000,
    });
  });

  it("either parses or throws FilterSyntaxError for mutations of valid filters", () => {
    fc.assert(fc.property(mutatedFilter, parsesOrFailsCleanly), { numRuns: 3000 });
  });

  it("either parses or throws FilterSyntaxError for sequences of filter tokens", () => {
    const token = fc.constantFrom(
      "(",
      ")",
      ",",
      "not",
      "and",
      "or",
      "eq",
      "gt",
      "startswith",
      "id",
      "'x'",
      "'",
      "5",
      "-1",
      "true",
      "null",
      "datetime'2025-01-01T00:00:00Z'",
      "2025-01-01T00:00:00Z",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 20 }), (tokens) =>
        parsesOrFailsCleanly(tokens.join(" ")),
      ),
      { numRuns: 3000 },
    );
  });

  it("formats every tree it parses into text that parses to the same tree", () => {
    fc.assert(
      fc.property(mutatedFilter, (text) => {
        let node: FilterNode;
        try {
          node = parseFilter(text);
        } catch {
          return;
        }
        expect(parseFilter(formatFilter(node))).toEqual(node);
      }),
      { numRuns: 2000 },
    );
  });
});
