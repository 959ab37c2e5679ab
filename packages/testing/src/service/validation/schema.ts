// A small validator for request bodies that answers with the service's errors: a property the
// object does not have is UnsupportedProperty, a missing required one MissingRequiredProperty,
// anything else wrong InvalidPropertyValue naming the property (leaf name, as the service
// does), the value and the reason. OData annotations (`odata.type`, `name@odata.type`), which
// clients may echo from responses, are the only keys let through unchecked; they are dropped.
// Each check returns a clean copy holding only known properties.

import { parseDuration } from "../durations.js";
import {
  invalidPropertyValue,
  missingRequiredProperty,
  unsupportedProperty,
} from "../error-catalog.js";

/** Where a value sits in the body, for messages: e.g. `constraints.maxTaskRetryCount`. */
export type Path = readonly (string | number)[];

export type Check<T> = (value: unknown, path: Path) => T;

export function pathText(path: Path): string {
  let text = "";
  for (const part of path) {
    text += typeof part === "number" ? `[${part}]` : text === "" ? part : `.${part}`;
  }
  return text;
}

function leafName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i];
    if (typeof part === "string") return part;
  }
  return "";
}

export function invalid(path: Path, value: unknown, reason: string): never {
  const where = pathText(path);
  throw invalidPropertyValue(leafName(path), value, where ? `${where}: ${reason}` : reason);
}

function isODataAnnotation(key: string): boolean {
  return key.startsWith("odata.") || key.includes("@odata.");
}

/** Refuses the first key of a body object that is neither known nor an OData annotation. */
export function checkKnownProperties(
  source: Record<string, unknown>,
  known: ReadonlySet<string>,
  path: Path,
): void {
  for (const key in source) {
    if (!known.has(key) && Object.hasOwn(source, key) && !isODataAnnotation(key)) {
      throw unsupportedProperty(key, pathText([...path, key]));
    }
  }
}

export function str(
  options: { maxLength?: number; pattern?: RegExp; reason?: string } = {},
): Check<string> {
  return (value, path) => {
    if (typeof value !== "string") invalid(path, value, "The value must be a string.");
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      invalid(path, value, `The value must be at most ${options.maxLength} characters long.`);
    }
    if (options.pattern && !options.pattern.test(value)) {
      invalid(path, value, options.reason ?? "The value has an invalid format.");
    }
    return value;
  };
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function int(options: { min?: number; max?: number; reason?: string } = {}): Check<number> {
  const min = options.min ?? INT32_MIN;
  const max = options.max ?? INT32_MAX;
  return (value, path) => {
    if (typeof value !== "number" || !Number.isInteger(value)) {
      invalid(path, value, "The value must be an integer.");
    }
    if (value < min || value > max) {
      invalid(path, value, options.reason ?? `The value must be between ${min} and ${max}.`);
    }
    return value;
  };
}

export function bool(): Check<boolean> {
  return (value, path) => {
    if (typeof value !== "boolean") invalid(path, value, "The value must be true or false.");
    return value;
  };
}

/** Enum values match case-insensitively and come back in the spec's spelling. */
export function oneOf<const V extends string>(values: readonly V[]): Check<V> {
  const byLower = new Map(values.map((v) => [v.toLowerCase(), v]));
  return (value, path) => {
    const canonical = typeof value === "string" ? byLower.get(value.toLowerCase()) : undefined;
    if (canonical === undefined) {
      invalid(path, value, `The value must be one of: ${values.join(", ")}.`);
    }
    return canonical;
  };
}

export function duration(): Check<string> {
  return (value, path) => {
    if (typeof value !== "string" || parseDuration(value) === undefined) {
      invalid(path, value, "The value must be an ISO 8601 duration such as PT1H or P7D.");
    }
    return value;
  };
}

export function arrayOf<T>(item: Check<T>, options: { maxItems?: number } = {}): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) invalid(path, value, "The value must be an array.");
    if (options.maxItems !== undefined && value.length > options.maxItems) {
      invalid(path, `${value.length} items`, `At most ${options.maxItems} items are allowed.`);
    }
    const out = new Array<T>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = item(value[i], [...path, i]);
    return out;
  };
}

export interface PropertySpec<T> {
  check: Check<T>;
  required?: boolean;
}

type Shape = Record<string, PropertySpec<unknown>>;

type Output<S extends Shape> = {
  [K in keyof S as S[K]["required"] extends true ? K : never]: ReturnType<S[K]["check"]>;
} & {
  [K in keyof S as S[K]["required"] extends true ? never : K]?: ReturnType<S[K]["check"]>;
};

export function req<T>(check: Check<T>): { check: Check<T>; required: true } {
  return { check, required: true };
}

export function opt<T>(check: Check<T>): { check: Check<T>; required?: false } {
  return { check };
}

/**
 * An object with known properties. Absent and null properties are left out; any other is
 * refused (UnsupportedProperty), so nothing a client sends is silently ignored. `refine` adds
 * rules that span properties.
 */
export function object<S extends Shape>(
  shape: S,
  refine?: (value: Output<S>, path: Path) => void,
): Check<Output<S>> {
  const entries = Object.entries(shape);
  const known = new Set(Object.keys(shape));
  return (value, path) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      invalid(path, value, "The value must be a JSON object.");
    }
    const source = value as Record<string, unknown>;
    checkKnownProperties(source, known, path);
    const out: Record<string, unknown> = {};
    for (const [name, spec] of entries) {
      const raw = source[name];
      if (raw === undefined || raw === null) {
        if (spec.required) throw missingRequiredProperty(name);
        continue;
      }
      out[name] = spec.check(raw, [...path, name]);
    }
    const result = out as Output<S>;
    refine?.(result, path);
    return result;
  };
}
