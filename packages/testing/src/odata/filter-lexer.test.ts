import { describe, expect, it } from "vitest";
import { abbreviate, tokenize } from "./filter-lexer.js";
import { FilterSyntaxError } from "./filter-syntax-error.js";

describe("tokenize", () => {
  it("records each token's kind, value and starting position", () => {
    expect(tokenize("(a/b eq 'x''y', -1.5 datetime'2025-01-02T00:00:00Z')")).toEqual([
      { kind: "lparen", position: 0 },
      { kind: "word", text: "a/b", position: 1 },
      { kind: "word", text: "eq", position: 5 },
      { kind: "string", value: "x'y", position: 8 },
      { kind: "comma", position: 14 },
      { kind: "number", value: -1.5, text: "-1.5", position: 16 },
      {
        kind: "datetime",
        value: Date.UTC(2025, 0, 2),
        text: "2025-01-02T00:00:00Z",
        position: 21,
      },
      { kind: "rparen", position: 51 },
      { kind: "end", position: 52 },
    ]);
  });

  it("reads a bare timestamp as one token rather than a subtraction of numbers", () => {
    expect(tokenize("2025-01-02T03:04:05.5+01:00")).toEqual([
      {
        kind: "datetime",
        value: Date.UTC(2025, 0, 2, 2, 4, 5, 500),
        text: "2025-01-02T03:04:05.5+01:00",
        position: 0,
      },
      { kind: "end", position: 27 },
    ]);
  });

  it("treats a keyword written against a string as a word, not a typed literal", () => {
    expect(tokenize("eq'a'").map((token) => token.kind)).toEqual(["word", "string", "end"]);
  });

  it("reports the opening quote of an unterminated string", () => {
    expect(() => tokenize("id eq 'abc")).toThrow(FilterSyntaxError);
    try {
      tokenize("id eq 'ab''c");
    } catch (error) {
      expect((error as FilterSyntaxError).position).toBe(6);
    }
  });

  it("reports the position inside datetime'…' where the bad date starts", () => {
    expect(() => tokenize("datetime'2025-02-30T00:00:00Z'")).toThrow(/position 9/);
  });
});

describe("abbreviate", () => {
  it("keeps short text and cuts long text with an ellipsis", () => {
    expect(abbreviate("short")).toBe("short");
    expect(abbreviate("x".repeat(50))).toBe(`${"x".repeat(40)}…`);
  });
});
