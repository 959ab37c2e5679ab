// How each task of an addMany request ends, or goes round again: the per-task results of an
// answer matched to the request's tasks (by position and exact id, a lookup ignoring case only
// when that misses), and the rules for tasks that are added, refused, sent again, given up on,
// or never sent. Every outcome goes to the OutcomeLog.
import type { TaskAddResult } from "@batch/types";
import { BatchError, parseServiceError } from "../errors.js";
import type { ResponseMeta } from "../operations/response-meta.js";
import type { OutcomeLog } from "./outcome-log.js";
import { type Item, sendsOf, Tracked, tracked } from "./tracked-task.js";

/** What addMany needs of one add-collection answer. */
export interface CollectionAnswer {
  /** The per-task results. */
  value: TaskAddResult[];
  /**
   * The bytes `value` was parsed from: kept for `results` rather than the parsed entries, which
   * the garbage collector would have to copy and promote, five objects per task.
   */
  body: Uint8Array | undefined;
  meta: ResponseMeta;
}

const operation = "Task_AddCollection";

export class TaskSettler {
  readonly #log: OutcomeLog;
  readonly #maxAttempts: number;

  constructor(log: OutcomeLog, maxAttempts: number) {
    this.#log = log;
    this.#maxAttempts = maxAttempts;
  }

  /** The service, or the client before sending, refused the task. */
  fail(item: Item, sends: number, error: BatchError): void {
    this.#log.recordNotAdded(item.id, "failed", sends, error);
  }

  /** No more sends: `unknown` when an earlier send may have added the task, else `failed`. */
  giveUp(item: Item, sends: number, error: BatchError): void {
    const mayExist = item instanceof Tracked && item.mayExist;
    this.#log.recordNotAdded(item.id, mayExist ? "unknown" : "failed", sends, error);
  }

  /** Sending stopped before the task's next send: `skipped` if it was never sent. */
  skip(item: Item, reason: BatchError): void {
    if (sendsOf(item) === 0) this.#log.recordNotAdded(item.id, "skipped", 0, reason);
    else this.giveUp(item, sendsOf(item), (item as Tracked).lastError ?? reason);
  }

  /** Queues the task in `retry` for another send, or gives up when it is out of tries. */
  again(t: Tracked, error: BatchError, retry: Tracked[]): void {
    t.lastError = error;
    if (t.tries >= this.#maxAttempts) this.giveUp(t, t.sends, error);
    else retry.push(t);
  }

  /**
   * A request that failed without settling its tasks. Worth sending again (`retry` given): each
   * task goes round again. Otherwise (sending stopped, or the caller aborted) each ends: given
   * up once an attempt of the request went out, else `skipped`. `uncertain`: the request may
   * have added them.
   */
  failed(items: Item[], error: BatchError, uncertain: boolean, retry?: Tracked[]): void {
    for (const item of items) {
      if (error.attempts === 0 && retry === undefined) {
        this.skip(item, error);
        continue;
      }
      const t = tracked(item);
      t.sends += Math.max(1, error.attempts);
      t.tries++;
      if (uncertain) t.mayExist = true;
      if (retry) this.again(t, error, retry);
      else this.giveUp(t, t.sends, error);
    }
  }

  /** Settles the tasks of a request from its answer; returns the tasks to send again. */
  answer(items: Item[], result: CollectionAnswer): Tracked[] {
    const log = this.#log;
    const { meta } = result;
    const sends = Math.max(1, meta.attempts);
    const uncertain = meta.uncertainAttempts > 0;
    for (const item of items) {
      if (item instanceof Tracked) {
        item.sends += sends;
        item.tries++;
        if (uncertain) item.mayExist = true;
      }
    }
    const count = items.length;
    const settled = new Uint8Array(count);
    let matched = 0;
    let byKey: Map<string, number> | undefined;
    const retry: Tracked[] = [];
    const entries = result.value;
    let answer = -2;
    for (let j = 0; j < entries.length; j++) {
      const entry = entries[j];
      if (typeof entry !== "object" || entry === null) continue;
      const taskId = entry.taskId;
      // Results usually come in request order with the ids as sent; look up by key otherwise.
      let i = j < count && items[j]!.id === taskId ? j : -1;
      if (i < 0 && typeof taskId === "string") {
        byKey ??= indexByKey(items);
        i = byKey.get(taskId) ?? byKey.get(taskId.toLowerCase()) ?? -1;
      }
      if (i < 0 || settled[i] === 1) continue;
      settled[i] = 1;
      matched++;
      const item = items[i]!;
      const itemSends = item instanceof Tracked ? item.sends : sends;
      if (entry.status === "success") {
        if (answer === -2) answer = log.keepAnswer(result.body);
        log.recordAdded(item.id, itemSends, entry, answer, j);
        continue;
      }
      const error = taskError(entry, meta, itemSends);
      if (entry.status === "clienterror") {
        const mayExist = item instanceof Tracked ? item.mayExist : uncertain;
        if (error.code === "TaskExists" && mayExist) log.recordReconciled(item.id, itemSends);
        else this.fail(item, itemSends, error);
      } else {
        // servererror (or a status this client does not know): not added, may be resent.
        this.again(this.#afterSend(item, itemSends), error, retry);
      }
    }
    if (matched < count) {
      for (let i = 0; i < count; i++) {
        if (settled[i] === 1) continue;
        const item = items[i]!;
        const t = this.#afterSend(item, item instanceof Tracked ? item.sends : sends);
        this.again(t, missingResult(t, meta), retry);
      }
    }
    return retry;
  }

  /** The task's state after a send that may have added it without saying so. */
  #afterSend(item: Item, sends: number): Tracked {
    const t = tracked(item);
    if (t !== item) {
      t.sends = sends;
      t.tries = 1;
    }
    t.mayExist = true;
    return t;
  }
}

/** Exact ids first, then lower-cased ones that differ, to each item's index. */
function indexByKey(items: readonly Item[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < items.length; i++) index.set(items[i]!.id, i);
  for (let i = 0; i < items.length; i++) {
    const key = items[i]!.id.toLowerCase();
    if (!index.has(key)) index.set(key, i);
  }
  return index;
}

function taskError(entry: TaskAddResult, meta: ResponseMeta, attempts: number): BatchError {
  const parsed = parseServiceError(entry.error);
  return new BatchError({
    kind: "service",
    code: parsed.code,
    message:
      parsed.message ?? `task ${JSON.stringify(entry.taskId)} was not added (${entry.status})`,
    values: parsed.values,
    requestId: meta.requestId,
    clientRequestId: meta.clientRequestId,
    operation,
    attempts,
  });
}

function missingResult(t: Tracked, meta: ResponseMeta): BatchError {
  return new BatchError({
    kind: "service",
    code: "MissingTaskResult",
    message: `the add-collection answer had no result for task ${JSON.stringify(t.id)}`,
    operation,
    requestId: meta.requestId,
    clientRequestId: meta.clientRequestId,
    attempts: t.sends,
  });
}
