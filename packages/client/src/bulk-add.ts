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
// A request is serialized whole (cheaper than a task at a time); only one over the byte limit
// is packed task by task, its tail going back to the front of the queue. At most `concurrency`
// requests' worth of tasks are held at once (plus such a tail); async iterables are never
// materialised.
import type { TaskAddCollectionResult, TaskAddParameter } from "@batch/types";
import { linkAbort } from "./abort-link.js";
import { abortedError, BatchError, isBatchError, parseServiceError } from "./errors.js";
import { retryableStatuses } from "./middleware/retry.js";
import type { CallOptions } from "./operations/request-options.js";
import type { ResponseMeta, WithMeta } from "./operations/response-meta.js";
import { abortableSleep, type Sleep } from "./sleep.js";
import { utf8ByteLength } from "./utf8-length.js";

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

export interface TaskAddOutcome {
  taskId: string;
  status: "added" | "failed";
  /** HTTP requests that carried this task (pipeline retries included). */
  attempts: number;
  /** Added, inferred from TaskExists after a send whose outcome was unknown. */
  reconciled: boolean;
  error?: BatchError;
  eTag?: string;
  lastModified?: string;
  location?: string;
}

export interface AddManyResult {
  total: number;
  added: number;
  failed: number;
  /** One outcome per task, in the order the outcomes became final. */
  results: TaskAddOutcome[];
}

/** Sends one serialized add-collection body. */
export type SendCollection = (
  json: string,
  options: CallOptions,
) => Promise<WithMeta<TaskAddCollectionResult>>;

interface Pending {
  id: string;
  key: string;
  task: TaskAddParameter;
  /**
   * The task's own JSON and its UTF-8 size, made only when a request has to be packed by size:
   * a request is normally serialized whole, which costs less than a task at a time.
   */
  json: string | undefined;
  bytes: number;
  /** HTTP requests that carried the task. */
  sends: number;
  /** Sends that count against maxAttemptsPerTask (413 splits do not). */
  tries: number;
  /** An earlier send may have added the task. */
  mayExist: boolean;
  lastError: BatchError | undefined;
}

const envelopeBytes = utf8ByteLength('{"value":[]}');

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
  const total = Array.isArray(source) ? source.length : undefined;

  // Our own controller: a worker that fails stops the others' requests too.
  const controller = new AbortController();
  const unlink = linkAbort(options.signal, controller);
  const signal = controller.signal;

  const iterator = openIterator(source);
  let sourceDone = false;
  /** Tasks taken from the input that did not fit the last request, in input order. */
  const carried: Pending[] = [];
  const resend: Pending[] = [];
  let stopError: BatchError | undefined;
  const results: TaskAddOutcome[] = [];
  let submitted = 0;
  let added = 0;
  let failed = 0;

  const settle = (outcome: TaskAddOutcome) => {
    results.push(outcome);
    if (outcome.status === "added") added++;
    else failed++;
    options.onTaskResult?.(outcome);
  };
  const fail = (p: Pending, error: BatchError) =>
    settle({ taskId: p.id, status: "failed", attempts: p.sends, reconciled: false, error });
  const progress = () => options.onProgress?.({ submitted, added, failed, total });
  const checkAbort = () => {
    if (signal.aborted) {
      throw isBatchError(signal.reason)
        ? signal.reason
        : abortedError({ operation: "Task_AddCollection" }, signal.reason);
    }
  };

  /** Takes one input step: the task to send, or undefined at the end or for an invalid task. */
  function accept(step: IteratorResult<TaskAddParameter>): Pending | undefined {
    if (step.done) {
      sourceDone = true;
      return undefined;
    }
    submitted++;
    const prepared = prepare(step.value);
    if (!(prepared instanceof BatchError)) return prepared;
    settle({
      taskId: taskIdOf(step.value),
      status: "failed",
      attempts: 0,
      reconciled: false,
      error: prepared,
    });
    return undefined;
  }

  /**
   * The next valid task of the input; invalid ones fail on the spot. Arrays and other sync
   * iterables are read without a promise per task.
   */
  function pull(): Pending | undefined | Promise<Pending | undefined> {
    const { sync } = iterator;
    if (sync) {
      while (!sourceDone) {
        const p = accept(sync.next());
        if (p) return p;
      }
      return undefined;
    }
    return (async () => {
      while (!sourceDone) {
        const p = accept(await iterator.next());
        if (p) return p;
      }
      return undefined;
    })();
  }

  /** Fails everything not yet sent with the error that stopped sending. */
  async function drain(error: BatchError): Promise<void> {
    for (const p of resend.splice(0)) fail(p, p.lastError ?? error);
    for (const p of carried.splice(0)) fail(p, error);
    for (let p = await pull(); p; p = await pull()) fail(p, error);
  }

  /** The next request: its tasks and its body. */
  async function nextRequest(): Promise<{ chunk: Pending[]; json: string } | undefined> {
    for (;;) {
      const request = await collectRequest();
      // undefined: nothing left; null: every task taken failed to serialize, so take more.
      if (request !== null) return request;
    }
  }

  async function collectRequest(): Promise<{ chunk: Pending[]; json: string } | undefined | null> {
    checkAbort();
    if (stopError) {
      await drain(stopError);
      return undefined;
    }
    const chunk: Pending[] = [];
    const keys = new Set<string>();
    // One id once per request, so results match tasks exactly.
    const take = (p: Pending) => {
      chunk.push(p);
      keys.add(p.key);
    };
    for (let i = 0; i < resend.length && chunk.length < maxTasks; ) {
      const p = resend[i]!;
      if (!keys.has(p.key)) {
        take(p);
        resend.splice(i, 1);
      } else i++;
    }
    while (chunk.length < maxTasks) {
      // No await for a task a sync input gave at once: that would cost a microtask per task.
      const pulled = carried.length > 0 ? carried.shift() : pull();
      const p = pulled instanceof Promise ? await pulled : pulled;
      if (!p) break;
      if (keys.has(p.key)) {
        carried.unshift(p);
        break;
      }
      take(p);
    }
    if (chunk.length === 0) return undefined;
    // The whole request at once, when it is serializable and small enough (the usual case).
    let json: string | undefined;
    try {
      json = JSON.stringify({ value: chunk.map((p) => p.task) });
    } catch {
      json = undefined;
    }
    if (json !== undefined && utf8ByteLength(json) <= maxBytes) return { chunk, json };
    return packBySize(chunk);
  }

  /**
   * Serializes the tasks one by one (failing any that cannot be), takes as many as fit in
   * `maxBytes` (at least one), and puts the rest back at the front of the queue.
   */
  function packBySize(chunk: Pending[]): { chunk: Pending[]; json: string } | null {
    const packed: Pending[] = [];
    const rest: Pending[] = [];
    let bytes = envelopeBytes;
    for (const p of chunk) {
      if (p.json === undefined) {
        const serialized = serialize(p.task, p.id);
        if (serialized instanceof BatchError) {
          fail(p, serialized);
          continue;
        }
        p.json = serialized;
        p.bytes = utf8ByteLength(serialized);
      }
      const size = p.bytes + (packed.length > 0 ? 1 : 0);
      if (rest.length === 0 && (packed.length === 0 || bytes + size <= maxBytes)) {
        packed.push(p);
        bytes += size;
      } else rest.push(p);
    }
    carried.unshift(...rest.filter((p) => p.sends === 0));
    resend.unshift(...rest.filter((p) => p.sends > 0));
    if (packed.length === 0) return null;
    return { chunk: packed, json: `{"value":[${packed.map((p) => p.json).join(",")}]}` };
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
      throw abortedError({ operation: "Task_AddCollection" }, reason);
    }
  };

  /** Keeps a task for another send, or fails it when it is out of tries. */
  const again = (p: Pending, error: BatchError, retry: Pending[]) => {
    p.lastError = error;
    if (p.tries >= maxAttempts) fail(p, error);
    else retry.push(p);
  };

  /** Sends one request and settles its tasks; returns the tasks to send again. */
  async function sendRequest(chunk: Pending[], body?: string): Promise<Pending[]> {
    for (const p of chunk) {
      p.sends++;
      p.tries++;
    }
    // These tasks were serialized before: a half of a refused request, sent again.
    const json = body ?? JSON.stringify({ value: chunk.map((p) => p.task) });
    let result: WithMeta<TaskAddCollectionResult>;
    try {
      result = await send(json, {
        signal,
        ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
      });
    } catch (error) {
      if (!isBatchError(error) || error.kind === "aborted" || error.kind === "client") throw error;
      return requestFailed(chunk, error, utf8ByteLength(json));
    }
    const { meta } = result;
    const uncertain = meta.uncertainAttempts > 0;
    const byKey = new Map(chunk.map((p) => [p.key, p]));
    const retry: Pending[] = [];
    for (const p of chunk) {
      p.sends += meta.attempts - 1;
      if (uncertain) p.mayExist = true;
    }
    for (const entry of result.value ?? []) {
      const key = typeof entry.taskId === "string" ? entry.taskId.toLowerCase() : undefined;
      const p = key === undefined ? undefined : byKey.get(key);
      if (!p || key === undefined) continue;
      byKey.delete(key);
      if (entry.status === "success") {
        const outcome: TaskAddOutcome = {
          taskId: p.id,
          status: "added",
          attempts: p.sends,
          reconciled: false,
        };
        if (entry.eTag) outcome.eTag = entry.eTag;
        if (entry.lastModified) outcome.lastModified = entry.lastModified;
        if (entry.location) outcome.location = entry.location;
        settle(outcome);
        continue;
      }
      const error = taskError(entry, meta, p.sends);
      if (entry.status === "clienterror") {
        if (error.code === "TaskExists" && p.mayExist) {
          settle({ taskId: p.id, status: "added", attempts: p.sends, reconciled: true });
        } else fail(p, error);
      } else {
        // servererror (or a status this client does not know): not added, may be resent.
        p.mayExist = true;
        again(p, error, retry);
      }
    }
    for (const p of byKey.values()) {
      p.mayExist = true;
      again(
        p,
        new BatchError({
          kind: "service",
          code: "MissingTaskResult",
          message: `the add-collection answer had no result for task ${JSON.stringify(p.id)}`,
          operation: "Task_AddCollection",
          requestId: meta.requestId,
          clientRequestId: meta.clientRequestId,
          attempts: p.sends,
        }),
        retry,
      );
    }
    return retry;
  }

  /** Handles a request that ended in a BatchError; returns the tasks to send again. */
  async function requestFailed(
    chunk: Pending[],
    error: BatchError,
    bytes: number,
  ): Promise<Pending[]> {
    for (const p of chunk) p.sends += Math.max(0, error.attempts - 1);
    if (error.kind === "service" && error.status === 413) {
      for (const p of chunk) p.tries--;
      if (chunk.length === 1) {
        fail(chunk[0]!, error);
        return [];
      }
      if (error.code === undefined || error.code === "RequestBodyTooLarge") {
        maxBytes = Math.min(maxBytes, bytes - 1);
      }
      const half = Math.ceil(chunk.length / 2);
      const first = await sendRequest(chunk.slice(0, half));
      const second = await sendRequest(chunk.slice(half));
      return [...first, ...second];
    }
    const retryable =
      error.kind === "network" ||
      error.kind === "timeout" ||
      (error.status !== undefined && retryableStatuses.has(error.status));
    if (retryable) {
      const uncertain = error.status !== 429;
      const retry: Pending[] = [];
      for (const p of chunk) {
        if (uncertain) p.mayExist = true;
        again(p, error, retry);
      }
      return retry;
    }
    stopError ??= error;
    for (const p of chunk) fail(p, error);
    return [];
  }

  async function worker(): Promise<void> {
    for (;;) {
      const request = await exclusive(nextRequest);
      if (!request) return;
      const retry = await sendRequest(request.chunk, request.json);
      if (retry.length > 0) {
        // Back off before these tasks can be picked up again, by this worker or another.
        await backoff(Math.max(...retry.map((p) => p.tries)));
        for (const p of retry) {
          if (stopError) fail(p, p.lastError ?? stopError);
          else resend.push(p);
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
        ? abortedError({ operation: "Task_AddCollection" }, options.signal.reason)
        : crashed.reason;
    }
    // Tasks queued again by a worker that then found nothing else to do.
    while (resend.length > 0) await worker();
    return { total: results.length, added, failed, results };
  } finally {
    unlink();
    if (!sourceDone) await iterator.return?.().catch(() => undefined);
  }
}

function taskIdOf(task: unknown): string {
  const id = (task as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : "";
}

function prepare(task: TaskAddParameter): Pending | BatchError {
  const id = taskIdOf(task);
  if (typeof task !== "object" || task === null || id === "") {
    return new BatchError({
      kind: "client",
      code: "MissingRequiredProperty",
      message: "every task needs a non-empty string id",
      operation: "Task_AddCollection",
    });
  }
  return {
    id,
    key: id.toLowerCase(),
    task,
    json: undefined,
    bytes: 0,
    sends: 0,
    tries: 0,
    mayExist: false,
    lastError: undefined,
  };
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
      operation: "Task_AddCollection",
      cause,
    });
  }
}

function taskError(
  entry: NonNullable<TaskAddCollectionResult["value"]>[number],
  meta: ResponseMeta,
  attempts: number,
): BatchError {
  const parsed = parseServiceError(entry.error ?? {});
  return new BatchError({
    kind: "service",
    code: parsed.code,
    message:
      parsed.message ?? `task ${JSON.stringify(entry.taskId)} was not added (${entry.status})`,
    values: parsed.values,
    requestId: meta.requestId,
    clientRequestId: meta.clientRequestId,
    operation: "Task_AddCollection",
    attempts,
  });
}

/** An async iterator over the input, with the sync iterator underneath when there is one. */
type InputIterator<T> = AsyncIterator<T> & { sync?: Iterator<T> };

function openIterator<T>(source: Iterable<T> | AsyncIterable<T>): InputIterator<T> {
  if (typeof source === "string" || source === null || typeof source !== "object") {
    throw new BatchError({
      kind: "client",
      code: "InvalidInput",
      message: "addMany takes an array, an iterable or an async iterable of tasks",
      operation: "Task_AddCollection",
    });
  }
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  const sync = (source as Iterable<T>)[Symbol.iterator]();
  return {
    sync,
    next: async () => sync.next(),
    return: async (value?: unknown) => sync.return?.(value) ?? { done: true, value: undefined },
  };
}
