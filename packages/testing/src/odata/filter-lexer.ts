// Splits $filter text into tokens: words (keywords and property paths), quoted strings,
// numbers, date-time literals and punctuation. Every malformed input becomes a
// FilterSyntaxError carrying the offset of the offending character.

import { FilterSyntaxError } from "./filter-syntax-error.js";
import { parseIsoDateTime } from "./iso-datetime.js";

export type FilterToken =
  | { kind: "lparen" | "rparen" | "comma" | "end"; position: number }
  | { kind: "word"; text: string; position: number }
  | { kind: "string"; value: string; position: number }
  | { kind: "number"; value: number; text: string; position: number }
  | { kind: "datetime"; value: number; text: string; position: number };

// Prefixes of OData typed literals that denote a date-time (`datetime'…'` is the OData v3 form
// the .NET samples use; `datetimeoffset'…'` is its zoned sibling).
const DATE_TIME_PREFIXES = new Set(["datetime", "datetimeoffset"]);
// Other OData typed-literal prefixes: named so the error can say they are unsupported rather
// than confusing them with a keyword written next to a string (`id eq'a'`).
const UNSUPPORTED_PREFIXES = new Set(["binary", "x", "guid", "time", "duration", "date"]);

const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?/y;
// Only the shape is matched here; parseIsoDateTime decides whether the value is real.
const BARE_DATE_TIME =
  /[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt][0-9:.]*(?:[Zz]|[+-][0-9]{2}:[0-9]{2})?)?/y;
const WORD_CHAR = /[A-Za-z0-9_]/;

function isSpace(char: string): boolean {
  return char === " " || char === "\t" || char === "\r" || char === "\n";
}

/** Renders a character for an error message, including characters outside the BMP. */
function describeCharacter(text: string, position: number): string {
  const codePoint = text.codePointAt(position) ?? 0;
  const char = String.fromCodePoint(codePoint);
  if (codePoint < 0x20 || codePoint === 0x7f) {
    return `character U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `character '${char}'`;
}

function matchAt(pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position;
  return pattern.exec(text)?.[0];
}

/** Reads a single-quoted string starting at `start` (the quote); `''` stands for one quote. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = "";
  let index = start + 1;
  for (;;) {
    const close = text.indexOf("'", index);
    if (close < 0) {
      throw new FilterSyntaxError("unterminated string literal: missing closing quote (')", start);
    }
    value += text.slice(index, close);
    if (text[close + 1] === "'") {
      value += "'";
      index = close + 2;
    } else {
      return { value, end: close + 1 };
    }
  }
}

function dateTimeValue(literal: string, position: number): number {
  const value = parseIsoDateTime(literal);
  if (value === undefined) {
    throw new FilterSyntaxError(
      `'${abbreviate(literal)}' is not a valid date-time; expected ISO 8601 such as 2025-01-02T03:04:05Z`,
      position,
    );
  }
  return value;
}

/** Shortens long user text quoted in messages so an error never echoes kilobytes back. */
export function abbreviate(text: string, limit = 40): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}

export function tokenize(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let position = 0;
  while (position < text.length) {
    const char = text[position] as string;
    if (isSpace(char)) {
      position++;
      continue;
    }
    if (char === "(" || char === ")" || char === ",") {
      const kind = char === "(" ? "lparen" : char === ")" ? "rparen" : "comma";
      tokens.push({ kind, position });
      position++;
      continue;
    }
    if (char === "'") {
      const { value, end } = readQuoted(text, position);
      tokens.push({ kind: "string", value, position });
      position = end;
      continue;
    }
    const bareDateTime = matchAt(BARE_DATE_TIME, text, position);
    if (bareDateTime !== undefined) {
      if (!/[Tt]/.test(bareDateTime)) {
        throw new FilterSyntaxError(
          `date '${bareDateTime}' needs a time part, e.g. ${bareDateTime}T00:00:00Z`,
          position,
        );
      }
      const value = dateTimeValue(bareDateTime, position);
      tokens.push({ kind: "datetime", value, text: bareDateTime, position });
      position += bareDateTime.length;
      continue;
    }
    const number = matchAt(NUMBER, text, position);
    if (number !== undefined) {
      const next = text[position + number.length];
      if (next !== undefined && WORD_CHAR.test(next)) {
        throw new FilterSyntaxError(
          `invalid number '${abbreviate(number + next)}'; numbers are written as digits, optionally with a leading '-' and a decimal part`,
          position,
        );
      }
      // Normalize -0 so the AST never distinguishes it from 0.
      const value = Number(number) || 0;
      tokens.push({ kind: "number", value, text: number, position });
      position += number.length;
      continue;
    }
    const word = matchAt(WORD, text, position);
    if (word !== undefined) {
      const end = position + word.length;
      if (text[end] === "/") {
        throw new FilterSyntaxError(
          `expected a property name after '/' in '${abbreviate(word)}/'`,
          end + 1,
        );
      }
      const prefix = word.toLowerCase();
      if (text[end] === "'" && UNSUPPORTED_PREFIXES.has(prefix)) {
        throw new FilterSyntaxError(
          `unsupported typed literal ${abbreviate(word)}'…'; only datetime'…' is supported`,
          position,
        );
      }
      if (text[end] === "'" && DATE_TIME_PREFIXES.has(prefix)) {
        const { value: literal, end: literalEnd } = readQuoted(text, end);
        const value = dateTimeValue(literal, end + 1);
        tokens.push({ kind: "datetime", value, text: literal, position });
        position = literalEnd;
        continue;
      }
      tokens.push({ kind: "word", text: word, position });
      position = end;
      continue;
    }
    throw new FilterSyntaxError(`unexpected ${describeCharacter(text, position)}`, position);
  }
  tokens.push({ kind: "end", position: text.length });
  return tokens;
}
