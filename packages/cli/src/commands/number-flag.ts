// Every numeric flag and setting of `batch`. yargs' own `type: "number"` turns "abc" into NaN
// and lets it through (sent as null, or read as zero), so numeric flags are read as text and
// checked here, one rule per flag: a decimal number, whole where the service wants an integer,
// within the flag's range. Anything else is a usage error (exit status 2) naming the flag and
// the value as typed.
import { usageError } from "../errors/cli-error.js";
import { singleValue } from "./flag-checks.js";

export interface NumberRule {
  /** Whole numbers only (the service's int32 fields). */
  integer: boolean;
  min: number;
  /** Inclusive; integers are also held to int32 when there is no tighter bound. */
  max?: number;
}

export const numberRules = {
  /** The service-side `timeout` of a request, in seconds. */
  timeout: { integer: true, min: 1 },
  maxResults: { integer: true, min: 1, max: 1000 },
  maxItems: { integer: true, min: 1 },
  maxTaskRetryCount: { integer: true, min: -1 },
  requiredSlots: { integer: true, min: 1 },
  priority: { integer: true, min: -1000, max: 1000 },
  concurrency: { integer: true, min: 1 },
  maxRetries: { integer: true, min: 0 },
  /** The client's own deadline for each attempt, in seconds; 0 for none. */
  clientTimeout: { integer: false, min: 0 },
} as const satisfies Record<string, NumberRule>;

const int32Max = 2_147_483_647;
const decimalPattern = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

function rangeText(rule: NumberRule): string {
  const kind = rule.integer ? "a whole number" : "a number";
  return rule.max === undefined
    ? `${kind} of ${rule.min} or more`
    : `${kind} from ${rule.min} to ${rule.max}`;
}

/**
 * The number `raw` stands for, held to `rule`; `name` is what the user typed it as (`--priority`,
 * `BATCH_MAX_RETRIES`), for the error.
 */
export function parseNumberSetting(name: string, raw: unknown, rule: NumberRule): number {
  const text = singleValue(name, raw).trim();
  const value = Number(text);
  const max = rule.max ?? (rule.integer ? int32Max : Number.POSITIVE_INFINITY);
  if (
    !decimalPattern.test(text) ||
    (rule.integer && !Number.isInteger(value)) ||
    value < rule.min ||
    value > max
  ) {
    const limit = rule.max === undefined && value > max ? `, at most ${max}` : "";
    throw usageError(
      `${name} must be ${rangeText(rule)}${limit}, not ${JSON.stringify(String(raw ?? ""))}`,
    );
  }
  return value;
}

/** A yargs option for a numeric flag, parsed and checked by its rule (see parseNumberSetting). */
export function numberFlag(
  flag: string,
  rule: NumberRule,
  spec: { describe: string; group: string },
) {
  return {
    // Read as text: yargs' number type would turn a typo into NaN before the check sees it.
    type: "string" as const,
    requiresArg: true,
    describe: spec.describe,
    group: spec.group,
    coerce: (raw: unknown) => parseNumberSetting(`--${flag}`, raw, rule),
  };
}
