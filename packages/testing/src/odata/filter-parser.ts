// Parses the $filter dialect Batch list operations accept (OData v3 style) into a FilterNode
// tree. Only syntax is checked here; which properties, operators and literal types make sense
// is the compiler's business. Any input either parses or raises FilterSyntaxError.

import { abbreviate, type FilterToken, tokenize } from "./filter-lexer.js";
import { FilterSyntaxError } from "./filter-syntax-error.js";

export { FilterSyntaxError } from "./filter-syntax-error.js";

export type ComparisonOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

export type FilterLiteral =
  | { type: "string"; value: string }
  | { type: "number"; value: number }
  /** value: epoch milliseconds */
  | { type: "datetime"; value: number }
  | { type: "boolean"; value: boolean }
  | { type: "null" };

export type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; op: ComparisonOperator; property: string; value: FilterLiteral }
  | { kind: "startswith"; property: string; value: string };

/** Longest filter text accepted, in characters. */
export const MAX_FILTER_LENGTH = 4096;
/** Deepest nesting of parentheses and `not` accepted. */
export const MAX_FILTER_DEPTH = 50;

export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = [
  "eq",
  "ne",
  "gt",
  "ge",
  "lt",
  "le",
];

// Words that can never name a property, so that `not`, `and` and friends are unambiguous.
const RESERVED_WORDS = new Set<string>([
  "and",
  "or",
  "not",
  "true",
  "false",
  "null",
  "startswith",
  ...COMPARISON_OPERATORS,
]);

function describe(token: FilterToken): string {
  switch (token.kind) {
    case "end":
      return "the end of the filter";
    case "lparen":
      return "'('";
    case "rparen":
      return "')'";
    case "comma":
      return "','";
    case "word":
      return `'${abbreviate(token.text)}'`;
    case "string":
      return `the string literal '${abbreviate(token.value.replaceAll("'", "''"))}'`;
    case "number":
      return `the number ${abbreviate(token.text)}`;
    case "datetime":
      return `the date-time literal ${abbreviate(token.text)}`;
  }
}

function isWord(token: FilterToken, word: string): boolean {
  return token.kind === "word" && token.text.toLowerCase() === word;
}

function asOperator(token: FilterToken): ComparisonOperator | undefined {
  if (token.kind !== "word") return undefined;
  const lower = token.text.toLowerCase();
  return COMPARISON_OPERATORS.find((op) => op === lower);
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly FilterToken[]) {}

  private peek(offset = 0): FilterToken {
    // tokenize always ends with an "end" token, so clamping keeps every read in range.
    const at = Math.min(this.index + offset, this.tokens.length - 1);
    return this.tokens[at] as FilterToken;
  }

  private next(): FilterToken {
    const token = this.peek();
    if (token.kind !== "end") this.index++;
    return token;
  }

  private fail(expected: string, token: FilterToken = this.peek()): never {
    throw new FilterSyntaxError(
      `expected ${expected} but found ${describe(token)}`,
      token.position,
    );
  }

  parse(): FilterNode {
    if (this.peek().kind === "end") {
      throw new FilterSyntaxError("the filter is empty; expected an expression", 0);
    }
    const node = this.parseOr(0);
    if (this.peek().kind !== "end") {
      this.fail("'and', 'or' or the end of the filter");
    }
    return node;
  }

  private parseOr(depth: number): FilterNode {
    let left = this.parseAnd(depth);
    while (isWord(this.peek(), "or")) {
      this.next();
      left = { kind: "or", left, right: this.parseAnd(depth) };
    }
    return left;
  }

  private parseAnd(depth: number): FilterNode {
    let left = this.parseUnary(depth);
    while (isWord(this.peek(), "and")) {
      this.next();
      left = { kind: "and", left, right: this.parseUnary(depth) };
    }
    return left;
  }

  private parseUnary(depth: number): FilterNode {
    const token = this.peek();
    if (depth >= MAX_FILTER_DEPTH) {
      throw new FilterSyntaxError(
        `the filter nests parentheses and 'not' more than ${MAX_FILTER_DEPTH} levels deep`,
        token.position,
      );
    }
    if (isWord(token, "not")) {
      this.next();
      return { kind: "not", operand: this.parseUnary(depth + 1) };
    }
    return this.parsePrimary(depth);
  }

  private parsePrimary(depth: number): FilterNode {
    const token = this.peek();
    if (token.kind === "lparen") {
      this.next();
      const inner = this.parseOr(depth + 1);
      if (this.peek().kind !== "rparen") {
        this.fail(`')' to close the '(' at position ${token.position}`);
      }
      this.next();
      return inner;
    }
    if (token.kind === "word" && this.peek(1).kind === "lparen") {
      if (token.text.toLowerCase() === "startswith") return this.parseStartsWith();
      throw new FilterSyntaxError(
        `unknown function '${abbreviate(token.text)}'; the only supported function is startswith(property, 'prefix')`,
        token.position,
      );
    }
    if (token.kind !== "word" || RESERVED_WORDS.has(token.text.toLowerCase())) {
      this.fail("a comparison such as state eq 'active', '(', 'not' or startswith(");
    }
    this.next();
    const opToken = this.peek();
    const op = asOperator(opToken);
    if (op === undefined) {
      this.fail(
        `a comparison operator (eq, ne, gt, ge, lt, le) after '${abbreviate(token.text)}'`,
        opToken,
      );
    }
    this.next();
    return { kind: "compare", op, property: token.text, value: this.parseLiteral(op) };
  }

  private parseLiteral(after: string): FilterLiteral {
    const token = this.next();
    switch (token.kind) {
      case "string":
        return { type: "string", value: token.value };
      case "number":
        return { type: "number", value: token.value };
      case "datetime":
        return { type: "datetime", value: token.value };
      case "word": {
        const lower = token.text.toLowerCase();
        if (lower === "true" || lower === "false")
          return { type: "boolean", value: lower === "true" };
        if (lower === "null") return { type: "null" };
        break;
      }
    }
    this.fail(
      `a literal (a quoted string, number, date-time, true, false or null) after '${after}'`,
      token,
    );
  }

  private parseStartsWith(): FilterNode {
    this.next(); // startswith
    this.next(); // (
    const propertyToken = this.next();
    if (propertyToken.kind !== "word" || RESERVED_WORDS.has(propertyToken.text.toLowerCase())) {
      this.fail("a property name as the first argument of startswith", propertyToken);
    }
    if (this.peek().kind !== "comma") this.fail("',' after the property name in startswith");
    this.next();
    const prefixToken = this.next();
    if (prefixToken.kind !== "string") {
      this.fail("a quoted string as the second argument of startswith", prefixToken);
    }
    if (this.peek().kind !== "rparen") this.fail("')' to close startswith(");
    this.next();
    const node: FilterNode = {
      kind: "startswith",
      property: propertyToken.text,
      value: prefixToken.value,
    };
    // OData also allows the function's boolean result to be compared explicitly.
    const opToken = this.peek();
    const op = asOperator(opToken);
    if (op === undefined) return node;
    if (op !== "eq" && op !== "ne") {
      this.fail("'eq true', 'eq false', 'ne true' or 'ne false' after startswith(…)", opToken);
    }
    this.next();
    const booleanToken = this.next();
    const lower = booleanToken.kind === "word" ? booleanToken.text.toLowerCase() : "";
    if (lower !== "true" && lower !== "false") {
      this.fail(`true or false after 'startswith(…) ${op}'`, booleanToken);
    }
    const matches = (op === "eq") === (lower === "true");
    return matches ? node : { kind: "not", operand: node };
  }
}

/** Parses $filter text. Throws FilterSyntaxError, and only that, for any malformed input. */
export function parseFilter(text: string): FilterNode {
  if (typeof text !== "string") {
    throw new FilterSyntaxError("the filter must be text", 0);
  }
  if (text.length > MAX_FILTER_LENGTH) {
    throw new FilterSyntaxError(
      `the filter is ${text.length} characters long; at most ${MAX_FILTER_LENGTH} are allowed`,
      MAX_FILTER_LENGTH,
    );
  }
  return new Parser(tokenize(text)).parse();
}
