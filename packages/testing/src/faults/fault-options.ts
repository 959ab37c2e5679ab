// The fault injector's settings: what users write (`FaultOptions`), checked once with clear
// errors, and resolved into the rules each operation follows (global settings, overridden per
// operation).

import type { OperationId } from "@batch/types";
import { ROUTES } from "../http/routes.js";

/**
 * What can go wrong with a request:
 * - `500`: InternalError or OperationTimedOut; `503`: ServerBusy; `429`: TooManyRequests (both
 *   with Retry-After). The service is not called.
 * - `latency`: the request is answered normally, late.
 * - `drop-before`: the connection drops before the request is applied.
 * - `drop-after`: the request is applied, then the connection drops (the answer is lost).
 * - `task-servererror`: in Task_AddCollection, some tasks get a `servererror` result and are not
 *   added; the others are added normally.
 */
export const FAULT_KINDS = [
  "500",
  "503",
  "429",
  "latency",
  "drop-before",
  "drop-after",
  "task-servererror",
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** Settings that may differ per operation. */
export interface FaultRules {
  /** Probability (0..1) that a processed request is faulted. */
  rate?: number;
  /** Relative weights of the kinds (all 1 by default); a kind left out is never chosen. */
  kinds?: Partial<Record<FaultKind, number>>;
  /** Added latency: a fixed number of ms or an inclusive [min, max] range (50..500 by default). */
  latencyMs?: number | readonly [number, number];
  /** Retry-After of 503 and 429 answers, in whole seconds (1 by default). */
  retryAfterSeconds?: number;
  /** In a `task-servererror` fault, the probability each task fails (0.25; at least one does). */
  taskErrorRate?: number;
}

export interface FaultOptions extends FaultRules {
  /** Seed of the pseudo-random sequence; the same seed and requests give the same faults. */
  seed?: number;
  /**
   * Rules for some operations, over the global ones. When any are given, operations not listed
   * are only faulted if a global `rate` is given too.
   */
  operations?: Partial<Record<OperationId, FaultRules>>;
  /**
   * Most times in a row the same logical request, or the same task id in Task_AddCollection,
   * is faulted (3): the next attempt goes through, so clients that retry forever finish.
   */
  maxConsecutive?: number;
}

export interface ResolvedRules {
  rate: number;
  /** Kinds with a positive weight, in FAULT_KINDS order. */
  weights: readonly (readonly [FaultKind, number])[];
  latencyMs: readonly [number, number];
  retryAfterSeconds: number;
  taskErrorRate: number;
}

export interface ResolvedFaultOptions {
  seed: number;
  maxConsecutive: number;
  rules: ReadonlyMap<OperationId, ResolvedRules>;
}

export const DEFAULT_FAULT_RATE = 0.1;
const DEFAULT_LATENCY_MS = [50, 500] as const;
const DEFAULT_RETRY_AFTER_SECONDS = 1;
const DEFAULT_TASK_ERROR_RATE = 0.25;
const DEFAULT_MAX_CONSECUTIVE = 3;

export class FaultOptionsError extends TypeError {
  override readonly name = "FaultOptionsError";
}

const OPERATION_IDS: readonly OperationId[] = ROUTES.map((route) => route.operation);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(where: string, what: string, value: unknown): never {
  throw new FaultOptionsError(`${where} must be ${what}, not ${JSON.stringify(value) ?? value}`);
}

function checkFraction(where: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    fail(where, "a number between 0 and 1", value);
  }
  return value;
}

function checkKinds(where: string, value: unknown): [FaultKind, number][] | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value))
    fail(where, `an object of weights by kind (${FAULT_KINDS.join(", ")})`, value);
  for (const [kind, weight] of Object.entries(value)) {
    if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
      fail(`${where} key`, `one of ${FAULT_KINDS.join(", ")}`, kind);
    }
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      fail(`${where}.${kind}`, "a weight of 0 or more", weight);
    }
  }
  return FAULT_KINDS.flatMap((kind) => {
    const weight = value[kind] as number | undefined;
    return weight !== undefined && weight > 0 ? [[kind, weight] as [FaultKind, number]] : [];
  });
}

function checkLatency(where: string, value: unknown): [number, number] | undefined {
  if (value === undefined) return undefined;
  const ok = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n) && n >= 0;
  if (ok(value)) return [value, value];
  if (Array.isArray(value) && value.length === 2 && ok(value[0]) && ok(value[1])) {
    if (value[0] <= value[1]) return [value[0], value[1]];
  }
  return fail(where, "a number of ms (0 or more) or a [min, max] range", value);
}

function checkInteger(where: string, value: unknown, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    fail(where, `an integer of ${min} or more`, value);
  }
  return value;
}

interface CheckedRules {
  rate: number | undefined;
  weights: [FaultKind, number][] | undefined;
  latencyMs: [number, number] | undefined;
  retryAfterSeconds: number | undefined;
  taskErrorRate: number | undefined;
}

function checkRules(where: string, rules: FaultRules): CheckedRules {
  return {
    rate: checkFraction(`${where}.rate`, rules.rate),
    weights: checkKinds(`${where}.kinds`, rules.kinds),
    latencyMs: checkLatency(`${where}.latencyMs`, rules.latencyMs),
    retryAfterSeconds: checkInteger(`${where}.retryAfterSeconds`, rules.retryAfterSeconds, 0),
    taskErrorRate: checkFraction(`${where}.taskErrorRate`, rules.taskErrorRate),
  };
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}

/** Checks the options (throwing FaultOptionsError) and resolves each operation's rules. */
export function resolveFaultOptions(options: FaultOptions = {}): ResolvedFaultOptions {
  if (!isRecord(options)) fail("faults", "an object", options);
  const seed = checkInteger("faults.seed", options.seed, Number.MIN_SAFE_INTEGER) ?? randomSeed();
  const maxConsecutive =
    checkInteger("faults.maxConsecutive", options.maxConsecutive, 1) ?? DEFAULT_MAX_CONSECUTIVE;
  const global = checkRules("faults", options);
  if (options.operations !== undefined && !isRecord(options.operations)) {
    fail("faults.operations", "an object of rules by operation id", options.operations);
  }
  const overrides = new Map<OperationId, CheckedRules>();
  for (const [operation, rules] of Object.entries(options.operations ?? {})) {
    if (!(OPERATION_IDS as readonly string[]).includes(operation)) {
      fail("faults.operations key", `an operation id (${OPERATION_IDS.join(", ")})`, operation);
    }
    if (!isRecord(rules)) fail(`faults.operations.${operation}`, "an object", rules);
    overrides.set(operation as OperationId, checkRules(`faults.operations.${operation}`, rules));
  }
  // A global rate is the default for every operation; without one, listing operations means
  // "only these", and listing none means "all of them" at the default rate.
  const untargetedRate = global.rate ?? (overrides.size > 0 ? 0 : DEFAULT_FAULT_RATE);
  const rules = new Map<OperationId, ResolvedRules>();
  for (const operation of OPERATION_IDS) {
    const own = overrides.get(operation);
    rules.set(operation, {
      rate: own ? (own.rate ?? global.rate ?? DEFAULT_FAULT_RATE) : untargetedRate,
      weights: own?.weights ?? global.weights ?? FAULT_KINDS.map((kind) => [kind, 1] as const),
      latencyMs: own?.latencyMs ?? global.latencyMs ?? DEFAULT_LATENCY_MS,
      retryAfterSeconds:
        own?.retryAfterSeconds ?? global.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
      taskErrorRate: own?.taskErrorRate ?? global.taskErrorRate ?? DEFAULT_TASK_ERROR_RATE,
    });
  }
  return { seed, maxConsecutive, rules };
}
