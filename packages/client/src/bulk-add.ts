// addMany: any number of tasks through Task_AddCollection. Tasks are pulled lazily from the
// input, packed into requests of at most 100 tasks and under the body-size limit, sent with
// bounded concurrency, and every task ends with an outcome:
//   - 413 (body too large): the request is split in half and both halves are sent;
//     a single task that is still too large fails.
//   - a per-task `servererror`, a missing result, or a request that failed after the
//     pipeline's own retries (no answer, timeout, 408, 429, 5xx): the tasks are sent again, with
//     the same ids, up to `maxAttemptsPerTask` times, after a jittered backoff.
//   - TaskExists for a task that an earlier send may have added counts as added (`reconciled`);
//     TaskExists on a task's first send is a real conflict and fails it.
//   - any other failed request (auth, JobNotFound, ...) would fail every request alike, so
//     sending stops: its tasks and all tasks not yet sent fail with that error.
// At most `concurrency` requests' worth of tasks are held at once (plus the tail of a request
// packed by size); async iterables are never materialised.
//
// The common path is kept cheap per task, since it runs tens of thousands of times: a request
// holds the caller's task objects as they are and is serialized whole; results are matched to
// tasks by position and exact id, with a lookup ignoring case only when that misses; a task gets
// state of its own (`Tracked`) only once it has to be sent again or packed by size; outcomes go
// into a compact log (bulk-add-outcomes.ts).
import type { TaskAddParameter, TaskAddResult } from "@batch/types";
import { linkAbort } from "./abort-link.js";
import { type InputStep, inputEnd, openTaskInput } from "./bulk-add-input.js";
import { OutcomeLog, type TaskAddOutcome } from "./bulk-add-outcomes.js";
import { abortedError, BatchError, isBatchError, parseServiceError } from "./errors.js";
import { retryableStatuses } from "./middleware/retry.js";
import type { CallOptions } from "./operations/request-options.js";
import type { ResponseMeta } from "./operations/response-meta.js";
import { abortableSleep, type Sleep } from "./sleep.js";
import { utf8ByteLength } from "./utf8-length.js";

export type { TaskAddOutcome } from "./bulk-add-outcomes.js";

export interface AddManyOptions {
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Tasks per request, 1 to 100 (default 100). */
  maxTasksPerRequest?: number;
  /** Largest request body in bytes (default 1,000,000: under the service's 1 MB limit). */
  maxRequestBytes?: number;
  /** Times addMany itself sends one task before giving up on it (default 5). */
  maxAttemptsPerTask?: number;
  /** First backoff ceiling before sending tasks again (default 1 s; doubles, at most 30 s). */
  retryDelayMs?: number;
  /** The service's processing limit for each request, in seconds (query `timeout`). */
  timeout?: number;
  signal?: AbortSignal;
  /** Called after every request with running totals. */
  onProgress?: (progress: AddManyProgress) => void;
  /** Called once per task as soon as its outcome is final. */
  onTaskResult?: (outcome: TaskAddOutcome) => void;
  sleep?: Sleep;
  random?: () => number;
}

export interface AddManyProgress {
  /** Tasks taken from the input so far. */
  submitted: number;
  added: number;
  failed: number;
  /** The input's length when it is an array. */
  total: number | undefined;
}

export interface AddManyResult {
  total: number;
  added: number;
  failed: number;
  /**
   * One outcome per task, in the order the outcomes became final. Built when first read (the
   * run itself records outcomes compactly), then kept.
   */
  results: TaskAddOutcome[];
}

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

/** Sends one serialized add-collection body. */
export type SendCollection = (json: string, options: CallOptions) => Promise<CollectionAnswer>;

/**
 * A task with state of its own: one that is sent again, or whose JSON was made alone because
 * its request had to be packed by size. A task on its first send is just the caller's object.
 */
class Tracked {
  /** HTTP requests that carried the task. */
  sends = 0;
  /** Sends that count against maxAttemptsPerTask (413 splits do not). */
  tries = 0;
  /** An earlier send may have added the task. */
  mayExist = false;
  lastError: BatchError | undefined = undefined;
  /** The task's own JSON and its UTF-8 size, once made. */
  json: string | undefined = undefined;
  bytes = 0;

  constructor(
    readonly task: TaskAddParameter,
    readonly id: string,
  ) {}
}

/** What a request carries: the caller's task (first send) or a Tracked one. Both have `id`. */
type Item = TaskAddParameter | Tracked;

interface Outbound {
  items: Item[];
  json: string;
}

const envelopeBytes = utf8ByteLength('{"value":[]}');
const operation = "Task_AddCollection";

export async function addMany(
  send: SendCollection,
  source: Iterable<TaskAddParameter> | AsyncIterable<TaskAddParameter>,
  options: AddManyOptions = {},
): Promise<AddManyResult> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const maxTasks = Math.min(100, Math.max(1, Math.floor(options.maxTasksPerRequest ?? 100)));
  let maxBytes = options.maxRequestBytes ?? 1_000_000;
  const maxAttempts = Math.max(1, options.maxAttemptsPerTask ?? 5);
  const baseDelayMs = options.retryDelayMs ?? 1000;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;

  const input = openTaskInput(source);
  const total = input.length;
  // Our own controller: a worker that fails stops the others' requests too.
  const controller = new AbortController();
  const unlink = linkAbort(options.signal, controller);
  const signal = controller.signal;
  const sendOptions: CallOptions =
    options.timeout === undefined ? { signal } : { signal, timeout: options.timeout };

  /** Tasks taken from the input that did not fit the last request, in input order. */
  const carried: Item[] = [];
  const resend: Tracked[] = [];
  let stopError: BatchError | undefined;
  const log = new OutcomeLog(options.onTaskResult);
  let submitted = 0;

  const fail = (item: Item, sends: number, error: BatchError) =>
    log.recordFailed(item.id, sends, error);
  const sendsOf = (item: Item) => (item instanceof Tracked ? item.sends : 0);
  const progress = () =>
    options.onProgress?.({ submitted, added: log.added, failed: log.failed, total });
  const checkAbort = () => {
    if (signal.aborted) {
      throw isBatchError(signal.reason)
        ? signal.reason
        : abortedError({ operation }, signal.reason);
    }
  };

  /** Takes one input step: a valid task, or undefined at the end or for an invalid task. */
  function accept(step: InputStep): TaskAddParameter | undefined {
    if (step === inputEnd) return undefined;
    submitted++;
    const id = (step as { id?: unknown } | null)?.id;
    if (typeof step === "object" && step !== null && typeof id === "string" && id !== "") {
      return step;
    }
    log.recordFailed(
      typeof id === "string" ? id : "",
      0,
      new BatchError({
        kind: "client",
        code: "MissingRequiredProperty",
        message: "every task needs a non-empty string id",
        operation,
      }),
    );
    return undefined;
  }

  /** The next valid task of the input; invalid ones fail on the spot. */
  function pull(): TaskAddParameter | undefined | Promise<TaskAddParameter | undefined> {
    if (!input.async) {
      while (!input.done) {
        const task = accept(input.next() as InputStep);
        if (task) return task;
      }
      return undefined;
    }
    return (async () => {
      while (!input.done) {
        const task = accept(await input.next());
        if (task) return task;
      }
      return undefined;
    })();
  }

  /** Fails everything not yet sent with the error that stopped sending. */
  async function drain(error: BatchError): Promise<void> {
    for (const t of resend.splice(0)) fail(t, t.sends, t.lastError ?? error);
    for (const item of carried.splice(0)) fail(item, sendsOf(item), error);
    for (let task = await pull(); task; task = await pull()) fail(task, 0, error);
  }

  /** The next request: its tasks and its body. */
  async function nextRequest(): Promise<Outbound | undefined> {
    for (;;) {
      const request = await collectRequest();
      // undefined: nothing left; null: every task taken failed to serialize, so take more.
      if (request !== null) return request;
    }
  }

  async function collectRequest(): Promise<Outbound | undefined | null> {
    checkAbort();
    if (stopError) {
      await drain(stopError);
      return undefined;
    }
    const items: Item[] = [];
    // One id once per request (ignoring case, as the service does), so results match tasks.
    const keys = new Set<string>();
    let tracked = 0;
    if (resend.length > 0) {
      const waiting: Tracked[] = [];
      for (const t of resend) {
        const key = t.id.toLowerCase();
        if (items.length < maxTasks && !keys.has(key)) {
          keys.add(key);
          items.push(t);
          tracked++;
        } else waiting.push(t);
      }
      resend.length = 0;
      for (const t of waiting) resend.push(t);
    }
    while (items.length < maxTasks) {
      // No await for a task a sync input gave at once: that would cost a microtask per task.
      let item: Item | undefined;
      if (carried.length > 0) item = carried.shift();
      else {
        const pulled = pull();
        item = pulled instanceof Promise ? await pulled : pulled;
      }
      if (item === undefined) break;
      const key = item.id.toLowerCase();
      if (keys.has(key)) {
        carried.unshift(item);
        break;
      }
      keys.add(key);
      items.push(item);
      if (item instanceof Tracked) tracked++;
    }
    if (items.length === 0) return undefined;
    // The whole request at once, when it is serializable and small enough (the usual case).
    let json: string | undefined;
    try {
      json = JSON.stringify({ value: tracked === 0 ? items : items.map(taskOf) });
    } catch {
      json = undefined;
    }
    if (json !== undefined && fitsIn(json, maxBytes)) return { items, json };
    return packBySize(items);
  }

  /**
   * Serializes the tasks one by one (failing any that cannot be), takes as many as fit in
   * `maxBytes` (at least one), and puts the rest back at the front of the queue.
   */
  function packBySize(items: Item[]): Outbound | null {
    const packed: Tracked[] = [];
    const rest: Tracked[] = [];
    let bytes = envelopeBytes;
    for (const item of items) {
      const t = item instanceof Tracked ? item : new Tracked(item, item.id);
      if (t.json === undefined) {
        const serialized = serialize(t.task, t.id);
        if (serialized instanceof BatchError) {
          fail(t, t.sends, serialized);
          continue;
        }
        t.json = serialized;
        t.bytes = utf8ByteLength(serialized);
      }
      const size = t.bytes + (packed.length > 0 ? 1 : 0);
      if (rest.length === 0 && (packed.length === 0 || bytes + size <= maxBytes)) {
        packed.push(t);
        bytes += size;
      } else rest.push(t);
    }
    carried.unshift(...rest.filter((t) => t.sends === 0));
    resend.unshift(...rest.filter((t) => t.sends > 0));
    if (packed.length === 0) return null;
    return { items: packed, json: `{"value":[${packed.map((t) => t.json).join(",")}]}` };
  }

  let lock: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = lock.then(fn);
    lock = run.catch(() => undefined);
    return run;
  };

  const backoff = async (tries: number) => {
    const ceiling = Math.min(30_000, baseDelayMs * 2 ** Math.max(0, tries - 1));
    try {
      await sleep(Math.floor(random() * ceiling), signal);
    } catch (reason) {
      throw abortedError({ operation }, reason);
    }
  };

  /** The task's own state after a request that carried it (`sends` HTTP attempts). */
  const track = (item: Item, sends: number, mayExist: boolean): Tracked => {
    const t = item instanceof Tracked ? item : new Tracked(item, item.id);
    if (t !== item) {
      t.sends = sends;
      t.tries = 1;
    }
    if (mayExist) t.mayExist = true;
    return t;
  };

  /** Keeps a task for another send, or fails it when it is out of tries. */
  const again = (t: Tracked, error: BatchError, retry: Tracked[]) => {
    t.lastError = error;
    if (t.tries >= maxAttempts) fail(t, t.sends, error);
    else retry.push(t);
  };

  /** Sends one request and settles its tasks; returns the tasks to send again. */
  async function sendRequest(items: Item[], body?: string): Promise<Tracked[]> {
    // These tasks were serialized before: a half of a refused request, sent again.
    const json = body ?? JSON.stringify({ value: items.map(taskOf) });
    let result: CollectionAnswer;
    try {
      result = await send(json, sendOptions);
    } catch (error) {
      if (!isBatchError(error) || error.kind === "aborted" || error.kind === "client") throw error;
      return requestFailed(items, error, json);
    }
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
    let answer = -1;
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
        if (answer < 0) answer = log.keepAnswer(result.body);
        log.recordAdded(item.id, itemSends, entry, answer, j);
        continue;
      }
      const error = taskError(entry, meta, itemSends);
      if (entry.status === "clienterror") {
        const mayExist = item instanceof Tracked ? item.mayExist : uncertain;
        if (error.code === "TaskExists" && mayExist) {
          log.recordReconciled(item.id, itemSends);
        } else fail(item, itemSends, error);
      } else {
        // servererror (or a status this client does not know): not added, may be resent.
        again(track(item, itemSends, true), error, retry);
      }
    }
    if (matched < count) {
      for (let i = 0; i < count; i++) {
        if (settled[i] === 1) continue;
        const item = items[i]!;
        const t = track(item, item instanceof Tracked ? item.sends : sends, true);
        again(t, missingResult(t, meta), retry);
      }
    }
    return retry;
  }

  /** Handles a request that ended in a BatchError; returns the tasks to send again. */
  async function requestFailed(items: Item[], error: BatchError, json: string): Promise<Tracked[]> {
    const sends = Math.max(1, error.attempts);
    if (error.kind === "service" && error.status === 413) {
      // Too large is not a try: the halves start again with the sends counted.
      const halves = items.map((item) => {
        const t = item instanceof Tracked ? item : new Tracked(item, item.id);
        t.sends += sends;
        return t;
      });
      if (halves.length === 1) {
        fail(halves[0]!, halves[0]!.sends, error);
        return [];
      }
      if (error.code === undefined || error.code === "RequestBodyTooLarge") {
        maxBytes = Math.min(maxBytes, utf8ByteLength(json) - 1);
      }
      const half = Math.ceil(halves.length / 2);
      const first = await sendRequest(halves.slice(0, half));
      const second = await sendRequest(halves.slice(half));
      return [...first, ...second];
    }
    const retryable =
      error.kind === "network" ||
      error.kind === "timeout" ||
      (error.status !== undefined && retryableStatuses.has(error.status));
    if (retryable) {
      // A 429 is refused before anything is done; anything else may have been applied.
      const uncertain = error.status !== 429;
      const retry: Tracked[] = [];
      for (const item of items) {
        let t: Tracked;
        if (item instanceof Tracked) {
          t = item;
          t.sends += sends;
          t.tries++;
          if (uncertain) t.mayExist = true;
        } else t = track(item, sends, uncertain);
        again(t, error, retry);
      }
      return retry;
    }
    stopError ??= error;
    for (const item of items) fail(item, sendsOf(item) + sends, error);
    return [];
  }

  async function worker(): Promise<void> {
    for (;;) {
      const request = await exclusive(nextRequest);
      if (!request) return;
      const retry = await sendRequest(request.items, request.json);
      if (retry.length > 0) {
        // Back off before these tasks can be picked up again, by this worker or another.
        let tries = 0;
        for (const t of retry) tries = Math.max(tries, t.tries);
        await backoff(tries);
        for (const t of retry) {
          if (stopError) fail(t, t.sends, t.lastError ?? stopError);
          else resend.push(t);
        }
      }
      progress();
    }
  }

  try {
    const outcomes = await Promise.allSettled(
      Array.from({ length: concurrency }, () =>
        worker().catch((error: unknown) => {
          controller.abort(error);
          throw error;
        }),
      ),
    );
    const crashed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (crashed) {
      throw options.signal?.aborted
        ? abortedError({ operation }, options.signal.reason)
        : crashed.reason;
    }
    // Tasks queued again by a worker that then found nothing else to do.
    while (resend.length > 0) await worker();
    return resultOf(log);
  } finally {
    unlink();
    if (!input.done) await input.close().catch(() => undefined);
  }
}

/** The result, with `results` made from the log on first read. */
function resultOf(log: OutcomeLog): AddManyResult {
  return {
    total: log.size,
    added: log.added,
    failed: log.failed,
    get results(): TaskAddOutcome[] {
      const results = log.toArray();
      Object.defineProperty(this, "results", {
        value: results,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      return results;
    },
  };
}

function taskOf(item: Item): TaskAddParameter {
  return item instanceof Tracked ? item.task : item;
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

/**
 * Whether a body's UTF-8 size is at most `limit`. A UTF-16 unit takes 1 to 3 bytes, so most
 * bodies are decided by their length alone; only those in between are measured.
 */
function fitsIn(json: string, limit: number): boolean {
  if (json.length * 3 <= limit) return true;
  if (json.length > limit) return false;
  return utf8ByteLength(json) <= limit;
}

/** One task's JSON, or the error that fails it when it cannot be serialized. */
function serialize(task: TaskAddParameter, id: string): string | BatchError {
  try {
    return JSON.stringify(task);
  } catch (cause) {
    return new BatchError({
      kind: "client",
      code: "InvalidRequestBody",
      message: `task ${JSON.stringify(id)} cannot be serialized to JSON`,
      operation,
      cause,
    });
  }
}

function taskError(entry: TaskAddResult, meta: ResponseMeta, attempts: number): BatchError {
  const parsed = parseServiceError(entry.error ?? {});
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
