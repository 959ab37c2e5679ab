// The batch-emulator's --fault-* flags, turned into the seeded injector's settings. Each flag
// is checked here with a message that names it, so a bad flag is a usage error, not a crash.

import type { OperationId } from "@batch/types";
import {
  FAULT_KINDS,
  type FaultKind,
  type FaultOptions,
  resolveFaultOptions,
} from "../faults/fault-options.js";
import { ROUTES } from "../http/routes.js";

export const FAULT_FLAG_NAMES = [
  "fault-rate",
  "fault-seed",
  "fault-kinds",
  "fault-operations",
  "fault-latency-ms",
  "fault-retry-after",
  "fault-max-consecutive",
] as const;

export type FaultFlags = Partial<Record<(typeof FAULT_FLAG_NAMES)[number], string>>;

export class FaultFlagError extends Error {
  override readonly name = "FaultFlagError";
}

function numberFlag(
  name: string,
  text: string,
  check: (value: number) => boolean,
  what: string,
): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !check(value)) {
    throw new FaultFlagError(`--${name} must be ${what}, not '${text}'`);
  }
  return value;
}

const atLeastZero = (value: number) => value >= 0;

/** `500,503:2,drop-after`: kinds, each with an optional weight (1 by default). */
function kindsFlag(text: string): Partial<Record<FaultKind, number>> {
  const kinds: Partial<Record<FaultKind, number>> = {};
  for (const item of text.split(",")) {
    const [name = "", weight] = item.trim().split(":");
    if (!(FAULT_KINDS as readonly string[]).includes(name)) {
      throw new FaultFlagError(
        `--fault-kinds: unknown kind '${name}' (kinds: ${FAULT_KINDS.join(", ")})`,
      );
    }
    kinds[name as FaultKind] =
      weight === undefined
        ? 1
        : numberFlag("fault-kinds", weight, atLeastZero, "a list of kind[:weight ≥ 0]");
  }
  return kinds;
}

/** `Task_AddCollection,task_add`: operation ids, in any letter case. */
function operationsFlag(text: string): OperationId[] {
  return text.split(",").map((part) => {
    const name = part.trim().toLowerCase();
    const route = ROUTES.find((candidate) => candidate.operation.toLowerCase() === name);
    if (!route) {
      const known = ROUTES.map((candidate) => candidate.operation).join(", ");
      throw new FaultFlagError(
        `--fault-operations: unknown operation '${part.trim()}' (operations: ${known})`,
      );
    }
    return route.operation;
  });
}

/** `200` or `50-500`, in ms. */
function latencyFlag(text: string): number | [number, number] {
  const ms = (part: string) =>
    numberFlag("fault-latency-ms", part, atLeastZero, "ms (0 or more) or a min-max range");
  const range = /^([^-]+)-([^-]+)$/.exec(text.trim());
  if (!range) return ms(text);
  const [min, max] = [ms(range[1]!), ms(range[2]!)];
  if (min > max) throw new FaultFlagError(`--fault-latency-ms: ${min} is more than ${max}`);
  return [min, max];
}

/** The injector settings the flags ask for, or undefined when no --fault-* flag is given. */
export function faultOptionsFromFlags(flags: FaultFlags): FaultOptions | undefined {
  if (FAULT_FLAG_NAMES.every((name) => flags[name] === undefined)) return undefined;
  const text = (name: (typeof FAULT_FLAG_NAMES)[number]) => flags[name];
  const rate = text("fault-rate");
  const seed = text("fault-seed");
  const kinds = text("fault-kinds");
  const latency = text("fault-latency-ms");
  const retryAfter = text("fault-retry-after");
  const maxConsecutive = text("fault-max-consecutive");
  const operations = text("fault-operations");
  const rateValue =
    rate === undefined
      ? undefined
      : numberFlag("fault-rate", rate, (v) => v >= 0 && v <= 1, "between 0 and 1");
  const options: FaultOptions = {
    ...(seed !== undefined && {
      seed: numberFlag("fault-seed", seed, Number.isSafeInteger, "an integer"),
    }),
    ...(kinds !== undefined && { kinds: kindsFlag(kinds) }),
    ...(latency !== undefined && { latencyMs: latencyFlag(latency) }),
    ...(retryAfter !== undefined && {
      retryAfterSeconds: numberFlag(
        "fault-retry-after",
        retryAfter,
        (v) => Number.isInteger(v) && v >= 0,
        "a whole number of seconds",
      ),
    }),
    ...(maxConsecutive !== undefined && {
      maxConsecutive: numberFlag(
        "fault-max-consecutive",
        maxConsecutive,
        (v) => Number.isInteger(v) && v >= 1,
        "an integer of 1 or more",
      ),
    }),
  };
  // With --fault-operations the rate applies to the listed operations only.
  if (operations !== undefined) {
    const rules = rateValue === undefined ? {} : { rate: rateValue };
    options.operations = Object.fromEntries(
      operationsFlag(operations).map((operation) => [operation, rules]),
    );
  } else if (rateValue !== undefined) {
    options.rate = rateValue;
  }
  try {
    resolveFaultOptions(options);
  } catch (error) {
    throw new FaultFlagError(error instanceof Error ? error.message : String(error));
  }
  return options;
}
