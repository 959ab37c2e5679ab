// Prints a FilterNode back as $filter text that parseFilter reads as the same tree: useful to
// show a normalized filter in messages and logs, and the basis of the round-trip tests.

import type { FilterLiteral, FilterNode } from "./filter-parser.js";

// The lexer reads plain decimals only, so expand JavaScript's exponent notation (1.5e-7,
// 1e+21) into digits, keeping the shortest digits that round-trip.
function formatNumber(value: number): string {
  const shortest = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return shortest;
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match;
  const digits = whole + fraction;
  const pointAt = whole.length + Number(exponentText);
  if (pointAt <= 0) return `${sign}0.${"0".repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return sign + digits + "0".repeat(pointAt - digits.length);
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

export function formatLiteral(literal: FilterLiteral): string {
  switch (literal.type) {
    case "string":
      return `'${literal.value.replaceAll("'", "''")}'`;
    case "number":
      return formatNumber(literal.value);
    case "datetime":
      return `datetime'${new Date(literal.value).toISOString()}'`;
    case "boolean":
      return String(literal.value);
    case "null":
      return "null";
  }
}

// Binding strength: `or` is weakest, then `and`, then everything unary or atomic.
function precedence(node: FilterNode): number {
  return node.kind === "or" ? 1 : node.kind === "and" ? 2 : 3;
}

function wrapIf(condition: boolean, text: string): string {
  return condition ? `(${text})` : text;
}

/** Formats a filter tree with the fewest parentheses that preserve its shape. */
export function formatFilter(node: FilterNode): string {
  switch (node.kind) {
    case "and":
    case "or": {
      const own = precedence(node);
      // Both operators associate to the left, so a right operand of equal strength needs
      // parentheses to keep its grouping.
      const left = wrapIf(precedence(node.left) < own, formatFilter(node.left));
      const right = wrapIf(precedence(node.right) <= own, formatFilter(node.right));
      return `${left} ${node.kind} ${right}`;
    }
    case "not":
      return `not ${wrapIf(precedence(node.operand) < 3, formatFilter(node.operand))}`;
    case "compare":
      return `${node.property} ${node.op} ${formatLiteral(node.value)}`;
    case "startswith":
      return `startswith(${node.property}, ${formatLiteral({ type: "string", value: node.value })})`;
  }
}
