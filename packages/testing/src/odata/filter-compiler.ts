// Turns $filter text into a predicate over list items, given a table of the properties that
// may be filtered on. Checks what the parser cannot: that each property exists, allows the
// operator, and is compared with a literal of its type. Evaluation follows the service:
// ids and enums compare case-insensitively and a missing value matches only `ne` and `eq null`.

import {
  type ComparisonOperator,
  type FilterLiteral,
  type FilterNode,
  parseFilter,
} from "./filter-parser.js";
import { parseIsoDateTime } from "./iso-datetime.js";

export type FieldType = "string" | "enum" | "datetime" | "int";
export type FilterOperator = ComparisonOperator | "startswith";

export interface FilterField<T> {
  type: FieldType;
  /** Operators the service allows on this property. */
  ops: readonly FilterOperator[];
  /** The item's value: text for string and enum, epoch ms for datetime; undefined when absent. */
  get(item: T): string | number | undefined;
  /** The allowed values of an enum property. */
  values?: readonly string[];
}

export type FilterFields<T> = Record<string, FilterField<T>>;

/** A filter that is well-formed but asks something the properties cannot answer. */
export class FilterError extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(reason);
    this.name = "FilterError";
    this.reason = reason;
  }
}

type Predicate<T> = (item: T) => boolean;
type Operand = string | number;

const TYPE_NAMES: Record<FieldType, string> = {
  string: "a string",
  enum: "a string",
  datetime: "a date-time",
  int: "an integer",
};

const LITERAL_NAMES: Record<FilterLiteral["type"], string> = {
  string: "a string literal",
  number: "a number",
  datetime: "a date-time literal",
  boolean: "a boolean",
  null: "null",
};

// Batch ids (and pool ids) are case-insensitive, and enum values are matched the same way.
function fold(text: string): string {
  return text.toLowerCase();
}

function isTextual(type: FieldType): boolean {
  return type === "string" || type === "enum";
}

function compareOperands(left: Operand, right: Operand): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function applyOperator(op: ComparisonOperator, order: number): boolean {
  switch (op) {
    case "eq":
      return order === 0;
    case "ne":
      return order !== 0;
    case "gt":
      return order > 0;
    case "ge":
      return order >= 0;
    case "lt":
      return order < 0;
    case "le":
      return order <= 0;
  }
}

class FilterCompiler<T> {
  private readonly byLowerName: Map<string, string>;

  constructor(private readonly fields: FilterFields<T>) {
    this.byLowerName = new Map(Object.keys(fields).map((name) => [name.toLowerCase(), name]));
  }

  compile(node: FilterNode): Predicate<T> {
    switch (node.kind) {
      case "and": {
        const left = this.compile(node.left);
        const right = this.compile(node.right);
        return (item) => left(item) && right(item);
      }
      case "or": {
        const left = this.compile(node.left);
        const right = this.compile(node.right);
        return (item) => left(item) || right(item);
      }
      case "not": {
        const operand = this.compile(node.operand);
        return (item) => !operand(item);
      }
      case "compare":
        return this.compileComparison(node.property, node.op, node.value);
      case "startswith":
        return this.compileStartsWith(node.property, node.value);
    }
  }

  private resolve(property: string, op: FilterOperator): [string, FilterField<T>] {
    const name = this.byLowerName.get(property.toLowerCase());
    const field = name === undefined ? undefined : this.fields[name];
    if (name === undefined || field === undefined) {
      throw new FilterError(
        `'${property}' is not a property that can be filtered on; use one of: ${Object.keys(this.fields).join(", ")}`,
      );
    }
    if (!field.ops.includes(op)) {
      throw new FilterError(
        `the operator '${op}' cannot be used with '${name}'; it supports ${field.ops.join(", ")}`,
      );
    }
    return [name, field];
  }

  /** Converts a literal to the operand the field's values are compared with. */
  private operand(name: string, field: FilterField<T>, literal: FilterLiteral): Operand {
    const mismatch = () =>
      new FilterError(
        `'${name}' is ${TYPE_NAMES[field.type]} and cannot be compared with ${LITERAL_NAMES[literal.type]}`,
      );
    switch (field.type) {
      case "string":
        if (literal.type !== "string") throw mismatch();
        return fold(literal.value);
      case "enum": {
        if (literal.type !== "string") throw mismatch();
        const value = fold(literal.value);
        const allowed = field.values ?? [];
        if (!allowed.some((candidate) => fold(candidate) === value)) {
          throw new FilterError(
            `'${literal.value}' is not a valid value of '${name}'; expected one of ${allowed.join(", ")}`,
          );
        }
        return value;
      }
      case "datetime": {
        if (literal.type === "datetime") return literal.value;
        // A quoted ISO timestamp is unambiguous, so accept it as a courtesy.
        const parsed = literal.type === "string" ? parseIsoDateTime(literal.value) : undefined;
        if (parsed === undefined) throw mismatch();
        return parsed;
      }
      case "int":
        if (literal.type !== "number") throw mismatch();
        if (!Number.isSafeInteger(literal.value)) {
          throw new FilterError(`'${name}' is an integer and ${literal.value} is not one`);
        }
        return literal.value;
    }
  }

  private value(field: FilterField<T>, item: T): Operand | undefined {
    const raw = field.get(item);
    if (raw === undefined || (typeof raw === "number" && Number.isNaN(raw))) return undefined;
    return typeof raw === "string" && isTextual(field.type) ? fold(raw) : raw;
  }

  private compileComparison(
    property: string,
    op: ComparisonOperator,
    literal: FilterLiteral,
  ): Predicate<T> {
    const [name, field] = this.resolve(property, op);
    if (literal.type === "null") {
      if (op !== "eq" && op !== "ne") {
        throw new FilterError(`null can only be compared with eq or ne, not '${op}'`);
      }
      const wantMissing = op === "eq";
      return (item) => (this.value(field, item) === undefined) === wantMissing;
    }
    const target = this.operand(name, field, literal);
    return (item) => {
      const value = this.value(field, item);
      // A value that is absent (or of an unexpected type) equals nothing and orders with nothing.
      if (value === undefined || typeof value !== typeof target) return op === "ne";
      return applyOperator(op, compareOperands(value, target));
    };
  }

  private compileStartsWith(property: string, prefix: string): Predicate<T> {
    const [, field] = this.resolve(property, "startswith");
    const folded = fold(prefix);
    return (item) => {
      const value = this.value(field, item);
      return typeof value === "string" && value.startsWith(folded);
    };
  }
}

/**
 * Compiles $filter text against the filterable properties of a list. Throws FilterSyntaxError
 * for malformed text and FilterError for a well-formed filter the properties do not support.
 */
export function compileFilter<T>(text: string, fields: FilterFields<T>): (item: T) => boolean {
  return new FilterCompiler(fields).compile(parseFilter(text));
}
