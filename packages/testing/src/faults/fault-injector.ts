// The seeded fault injector: an operation middleware that, for each request the handlers would
// otherwise process, decides from one pseudo-random sequence whether and how it fails, keeps a
// log of what it did, and never faults the same logical request or task id more than
// `maxConsecutive` times in a row.

import type { OperationId } from "@batch/types";
import type { OperationCall, OperationMiddleware } from "../http/operation-middleware.js";
import { DEFAULT_LIMITS } from "../service/service-limits.js";
import { ConsecutiveFaults } from "./consecutive-faults.js";
import {
  FAULT_KINDS,
  type FaultKind,
  type FaultOptions,
  type ResolvedRules,
  resolveFaultOptions,
} from "./fault-options.js";
import { transientErrorResponse } from "./fault-responses.js";
import { requestKeys, taskKey } from "./request-keys.js";
import { createSeededRandom, type Random, randomInteger } from "./seeded-random.js";
import { answerWithTaskServerErrors, collectionEntries } from "./task-collection-faults.js";

/** One injected fault. */
export interface FaultEvent {
  /** 1-based number of the processed request it hit. */
  sequence: number;
  operation: OperationId;
  kind: FaultKind;
  /** The request-id of the request (also on its answer, unless the connection was dropped). */
  requestId: string;
  method: string;
  path: string;
  /** Error code answered (500, 503, 429). */
  code?: string;
  /** Latency added, in ms. */
  delayMs?: number;
  /** Tasks given a servererror (task-servererror). */
  taskIds?: string[];
}

export interface FaultStats {
  seed: number;
  /** Requests the injector saw (those that passed authentication and request checks). */
  requests: number;
  /** Requests faulted. */
  faulted: number;
  /** Requests a fault was drawn for but not applied, to keep the no-fault-forever promise. */
  spared: number;
  /** Tasks given a servererror in task collections. */
  tasksFaulted: number;
  byKind: Record<FaultKind, number>;
  byOperation: Partial<Record<OperationId, Partial<Record<FaultKind, number>>>>;
}

export interface FaultInjector {
  readonly seed: number;
  /** The middleware to give `batchHandlers(service, { faults })`. */
  readonly middleware: OperationMiddleware;
  /** Counts so far. */
  stats(): FaultStats;
  /** The faults injected so far, oldest first (the most recent 10,000). */
  events(): readonly FaultEvent[];
}

export interface FaultInjectorContext {
  /** Waits for added latency (a setTimeout looked up at each call, so fake timers apply). */
  sleep?: (ms: number) => Promise<void>;
  /** The service's task collection limit; larger collections are never given task faults. */
  maxTasksPerCollection?: number;
}

const MAX_EVENTS = 10_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function pickKind(weights: ResolvedRules["weights"], random: Random): FaultKind | undefined {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  if (total <= 0) return undefined;
  let point = random() * total;
  for (const [kind, weight] of weights) {
    point -= weight;
    if (point < 0) return kind;
  }
  return weights[weights.length - 1]![0];
}

export function createFaultInjector(
  options: FaultOptions = {},
  context: FaultInjectorContext = {},
): FaultInjector {
  const resolved = resolveFaultOptions(options);
  const random = createSeededRandom(resolved.seed);
  const sleep = context.sleep ?? defaultSleep;
  const maxTasks = context.maxTasksPerCollection ?? DEFAULT_LIMITS.maxTasksPerCollection;
  const requestStreaks = new ConsecutiveFaults(resolved.maxConsecutive);
  const taskStreaks = new ConsecutiveFaults(resolved.maxConsecutive);
  const log: FaultEvent[] = [];
  const byKind = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<
    FaultKind,
    number
  >;
  const byOperation: FaultStats["byOperation"] = {};
  let requests = 0;
  let spared = 0;
  let tasksFaulted = 0;

  function record(call: OperationCall, sequence: number, kind: FaultKind, extra = {}): void {
    byKind[kind]++;
    const counts = byOperation[call.operation] ?? {};
    counts[kind] = (counts[kind] ?? 0) + 1;
    byOperation[call.operation] = counts;
    log.push({
      sequence,
      operation: call.operation,
      kind,
      requestId: call.requestId,
      method: call.request.method,
      path: new URL(call.request.url).pathname,
      ...extra,
    });
    if (log.length > MAX_EVENTS) log.splice(0, log.length - MAX_EVENTS);
  }

  /** Task ids a task collection passes on to the service end their servererror streaks. */
  function tasksWentThrough(call: OperationCall): void {
    if (taskStreaks.idle) return;
    const collection = collectionEntries(call, Number.POSITIVE_INFINITY);
    if (!collection) return;
    taskStreaks.wentThrough(
      collection.candidates.map((entry) => taskKey(call.params.jobId, entry.taskId)),
    );
  }

  async function goThrough(
    call: OperationCall,
    next: () => Promise<Response>,
    keys?: string[],
  ): Promise<Response> {
    if (!requestStreaks.idle) requestStreaks.wentThrough(keys ?? requestKeys(call));
    tasksWentThrough(call);
    return next();
  }

  /**
   * Chooses the tasks of a collection that get a servererror (none when no task id may be
   * faulted again) and moves the streaks of every task id on.
   */
  function failTasks(
    call: OperationCall,
    taskErrorRate: number,
  ): { entries: readonly unknown[]; failed: Map<number, string> } | undefined {
    const collection = collectionEntries(call, maxTasks);
    if (!collection) return undefined;
    const keyOf = (taskId: string) => taskKey(call.params.jobId, taskId);
    // One decision per task id (ids are unique ignoring case), one draw per candidate entry.
    const decided = new Map<string, boolean>();
    const eligible: string[] = [];
    for (const { taskId } of collection.candidates) {
      const key = keyOf(taskId);
      const draw = random();
      if (decided.has(key)) continue;
      const allowed = taskStreaks.allows([key]);
      if (allowed) eligible.push(key);
      decided.set(key, allowed && draw < taskErrorRate);
    }
    if (eligible.length === 0) return undefined;
    const chosen = () => [...decided.keys()].filter((key) => decided.get(key));
    if (chosen().length === 0) {
      decided.set(eligible[randomInteger(random, 0, eligible.length - 1)]!, true);
    }
    // Some task always reaches the service when there are several, so an error of the whole
    // request (a missing job...) is not hidden behind servererrors.
    const all = chosen();
    const nothingLeft =
      all.length === decided.size && collection.candidates.length === collection.entries.length;
    if (nothingLeft && all.length > 1) {
      decided.set(all[randomInteger(random, 0, all.length - 1)]!, false);
    }
    const failed = new Map<number, string>();
    for (const { index, taskId } of collection.candidates) {
      if (decided.get(keyOf(taskId))) failed.set(index, taskId);
    }
    const keys = [...decided.keys()];
    taskStreaks.faulted(keys.filter((key) => decided.get(key)));
    taskStreaks.wentThrough(keys.filter((key) => !decided.get(key)));
    return { entries: collection.entries, failed };
  }

  const middleware: OperationMiddleware = async (call, next) => {
    const sequence = ++requests;
    const rules = resolved.rules.get(call.operation)!;
    // No draw for an operation that is never faulted, so targeting one operation gives the
    // same faults whatever other requests come in between.
    if (rules.rate <= 0 || random() >= rules.rate) return goThrough(call, next);
    const applicable =
      call.operation === "Task_AddCollection" && collectionEntries(call, maxTasks)
        ? rules.weights
        : rules.weights.filter(([kind]) => kind !== "task-servererror");
    const kind = pickKind(applicable, random);
    if (kind === undefined) return goThrough(call, next);

    if (kind === "latency") {
      const delayMs = randomInteger(random, rules.latencyMs[0], rules.latencyMs[1]);
      record(call, sequence, kind, { delayMs });
      await sleep(delayMs);
      return goThrough(call, next);
    }

    const keys = requestKeys(call);
    if (!requestStreaks.allows(keys)) {
      spared++;
      return goThrough(call, next, keys);
    }

    switch (kind) {
      case "500":
      case "503":
      case "429": {
        const code =
          kind === "503"
            ? "ServerBusy"
            : kind === "429"
              ? "TooManyRequests"
              : random() < 0.5
                ? "InternalError"
                : "OperationTimedOut";
        requestStreaks.faulted(keys);
        record(call, sequence, kind, { code });
        return transientErrorResponse(call, code, rules.retryAfterSeconds);
      }
      case "drop-before":
        requestStreaks.faulted(keys);
        record(call, sequence, kind);
        return Response.error();
      case "drop-after": {
        requestStreaks.faulted(keys);
        tasksWentThrough(call);
        record(call, sequence, kind);
        await next();
        return Response.error();
      }
      case "task-servererror": {
        const outcome = failTasks(call, rules.taskErrorRate);
        if (!outcome) {
          spared++;
          return goThrough(call, next, keys);
        }
        requestStreaks.faulted(keys);
        tasksFaulted += outcome.failed.size;
        record(call, sequence, kind, { taskIds: [...outcome.failed.values()] });
        return answerWithTaskServerErrors(call, outcome.entries, outcome.failed, next);
      }
    }
  };

  return {
    seed: resolved.seed,
    middleware,
    stats: () => ({
      seed: resolved.seed,
      requests,
      faulted: Object.values(byKind).reduce((sum, n) => sum + n, 0),
      spared,
      tasksFaulted,
      byKind: { ...byKind },
      byOperation: Object.fromEntries(
        Object.entries(byOperation).map(([operation, counts]) => [operation, { ...counts }]),
      ),
    }),
    events: () => [...log],
  };
}
