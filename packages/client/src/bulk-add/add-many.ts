// addMany: any number of tasks through Task_AddCollection. Tasks are pulled lazily from the
// input (task-input.ts), packed into requests of at most 100 tasks and under the body-size
// limit (request-packer.ts), sent by `concurrency` workers, and every task taken from the
// input ends with one outcome (task-settler.ts, recorded by outcome-log.ts):
//   - 413 (body too large): the byte ceiling drops below half the request's body and its tasks
//     are packed again, into smaller requests; a single task that is still too large fails.
//   - 400 about the body (a property one task holds can fail the whole request): its tasks go
//     again at most half as many to a request, and so on until the tasks at fault fail alone.
//   - a per-task `servererror`, a missing result, or a request that failed after the pipeline's
//     own retries (no answer, timeout, 408, 429, 5xx): the tasks are sent again, with the same
//     ids, up to `maxAttemptsPerTask` times, after a jittered backoff (failed-request.ts).
//   - TaskExists for a task that an earlier send may have added counts as added (`reconciled`);
//     TaskExists on a task's first send is a real conflict and fails it.
//   - any other failed request (authentication, JobNotFound, a credential that gives no token)
//     would fail every request alike, so sending stops: that request's tasks fail with the error,
//     the requests in flight settle, every task taken and not sent is skipped, the input is
//     closed unread (an endless input must not be read on), and addMany rejects with an
//     AddManyError that carries the result. The input failing, or a listener throwing, stops the
//     run the same way. An abort ends it at once.
// At most `concurrency` requests' worth of tasks are held at once (plus the tail of a request
// packed by size); async iterables are never materialised.
import type { TaskAddParameter } from "@batch/types";
import { linkAbort, untilAborted } from "../abort-link.js";
import { abortedError, BatchError, clientError, isBatchError } from "../errors.js";
import { numberOption } from "../number-option.js";
import type { CallOptions } from "../operations/request-options.js";
import { abortableSleep, type Sleep } from "../sleep.js";
import { failedRequestAction, resendDelay } from "./failed-request.js";
import { OutcomeLog, type TaskAddOutcome } from "./outcome-log.js";
import { RequestPacker } from "./request-packer.js";
import { type InputStep, inputEnd, openTaskInput, type TaskInput } from "./task-input.js";
import { type CollectionAnswer, TaskSettler } from "./task-settler.js";
import { type Item, type Tracked, tracked } from "./tracked-task.js";

export type { TaskAddOutcome, TaskAddStatus } from "./outcome-log.js";
export type { CollectionAnswer } from "./task-settler.js";

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
  /**
   * The service's processing limit for each request, in seconds (query `timeout`; the service's
   * default and maximum for add-collection is 120, a larger value is replaced by it).
   */
  timeout?: number;
  signal?: AbortSignal;
  /** Called after every request, and once more when the run ends, with running totals. */
  onProgress?: (progress: AddManyProgress) => void;
  /** Called once per task as soon as its outcome is final. */
  onTaskResult?: (outcome: TaskAddOutcome) => void;
  /**
   * Keep every added task's outcome for `results` (default true). With false, `results` lists
   * only the tasks that were not added, and memory stays flat for an input of any length; the
   * counts are kept either way, and `onTaskResult` still hears every task.
   */
  keepAddedResults?: boolean;
  /** The backoff sleep (tests pass their own). */
  sleep?: Sleep;
  /** Random source in [0, 1) for the backoff's jitter. */
  random?: () => number;
}

export interface AddManyProgress {
  /** Tasks taken from the input so far (each has an outcome, or is being sent). */
  taken: number;
  added: number;
  failed: number;
  skipped: number;
  unknown: number;
  /** The input's length when it is an array. */
  total: number | undefined;
}

export interface AddManyResult {
  /** Tasks with an outcome: every task taken from the input. */
  total: number;
  added: number;
  failed: number;
  skipped: number;
  unknown: number;
  /**
   * One outcome per task (only those not added, with `keepAddedResults: false`), in the order
   * the outcomes became final. Built when first read, then kept.
   */
  results: TaskAddOutcome[];
  /**
   * False when the run stopped before the input's end: the tasks it did not take have no
   * outcome (they were not sent), and the input was closed (its `return()` called).
   */
  inputExhausted: boolean;
}

/**
 * The rejection of an addMany run that sending stopped early: the caller's abort, an error
 * every request would meet, the input failing or a listener throwing. It is a BatchError with
 * that error's kind, code, status and message (a thrown error that is not a BatchError gives
 * kind `client`, code `InputOrListenerFailed` and its message); the error itself is its
 * `cause`, and `result` accounts for every task taken from the input.
 */
export class AddManyError extends BatchError {
  // Declared, not defined, as BatchError's fields are.
  declare readonly result: AddManyResult;

  constructor(reason: BatchError, result: AddManyResult, cause: unknown = reason) {
    // toJSON() lists exactly the fields a BatchError is made of.
    super({ ...reason.toJSON(), operation, cause });
    this.result = result;
  }
}

/** Sends one serialized add-collection body. */
export type SendCollection = (json: string, options: CallOptions) => Promise<CollectionAnswer>;

const operation = "Task_AddCollection";

export async function addMany(
  send: SendCollection,
  source: Iterable<TaskAddParameter> | AsyncIterable<TaskAddParameter>,
  options: AddManyOptions = {},
): Promise<AddManyResult> {
  const concurrency = Math.floor(numberOption(options, "concurrency", 4, 1));
  const maxTasks = Math.min(100, Math.floor(numberOption(options, "maxTasksPerRequest", 100, 1)));
  const maxAttempts = numberOption(options, "maxAttemptsPerTask", 5, 1);
  const baseDelayMs = numberOption(options, "retryDelayMs", 1000);
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;

  const input = openTaskInput(source);
  // Our own controller: a worker that crashes stops the others' requests too.
  const controller = new AbortController();
  const unlink = linkAbort(options.signal, controller);
  const { signal } = controller;
  const sendOptions: CallOptions = { signal, timeout: options.timeout };
  /**
   * What stops sending: an error every request would meet, the input's or a listener's, or a
   * worker's crash (which also aborts the requests in flight).
   */
  let stopError: unknown;
  const stopWith = (error: unknown): undefined => {
    stopError ??= error;
  };
  // A listener that throws stops the run like a failed input: the requests in flight still
  // settle and report.
  const guard = <T>(listener?: (value: T) => void) =>
    listener &&
    ((value: T) => {
      try {
        listener(value);
      } catch (error) {
        stopWith(error);
      }
    });
  const onProgress = guard(options.onProgress);

  const log = new OutcomeLog(guard(options.onTaskResult), options.keepAddedResults !== false);
  const settler = new TaskSettler(log, maxAttempts);
  const packer = new RequestPacker(
    maxTasks,
    numberOption(options, "maxRequestBytes", 1e6, 1),
    (t, error) => settler.fail(t, t.sends, error),
  );
  /** Tasks waiting out their backoff before they are queued again. */
  const backingOff = new Set<Tracked[]>();
  let taken = 0;

  // An array's length is read at every call, as it may grow.
  const progress = () =>
    onProgress?.({
      taken,
      ...log.counts,
      total: Array.isArray(source) ? source.length : undefined,
    });
  const abortError = () =>
    isBatchError(signal.reason) ? signal.reason : abortedError({ operation }, signal.reason);

  /** Takes one input step: a valid task, or undefined at the end or for an invalid task. */
  function accept(step: InputStep): TaskAddParameter | undefined {
    if (step === inputEnd) return undefined;
    taken++;
    const id = (step as { id?: unknown } | null)?.id;
    if (typeof step === "object" && step !== null && typeof id === "string" && id !== "") {
      return step;
    }
    log.recordNotAdded(
      typeof id === "string" ? id : "",
      "failed",
      0,
      clientError("MissingRequiredProperty", "a task needs a non-empty string id", operation),
      taken - 1,
    );
    return undefined;
  }

  /**
   * The next valid task of the input; invalid ones fail on the spot. When the input fails, it
   * ends there, and sending stops.
   */
  function pull(): TaskAddParameter | undefined | Promise<TaskAddParameter | undefined> {
    if (!input.async) {
      try {
        while (!input.done) {
          const task = accept(input.next() as InputStep);
          if (task) return task;
        }
      } catch (error) {
        stopWith(error);
      }
      return undefined;
    }
    return (async () => {
      while (!input.done) {
        // An abort must not wait for an input that is slow to give its next task.
        const task = accept(await untilAborted(input.next() as Promise<InputStep>, signal));
        if (task) return task;
      }
    })().catch(stopWith);
  }

  /** Sends one request and settles its tasks; returns the tasks to send again. */
  async function sendRequest(items: Item[], json: string): Promise<Tracked[]> {
    let answer: CollectionAnswer;
    try {
      answer = await send(json, sendOptions);
    } catch (error) {
      if (!isBatchError(error)) throw error;
      // Cut short by an abort once sent, the request may have added its tasks.
      if (error.kind === "aborted") {
        settler.failed(items, error, true);
        throw error;
      }
      const decision = failedRequestAction(error);
      const retry: Tracked[] = [];
      if (decision.action === "split") split(items, error, json);
      else if (decision.action === "isolate") split(items, error);
      else if (decision.action === "resend") {
        settler.failed(items, error, decision.uncertain, retry);
      } else {
        stopWith(error);
        settler.failed(items, error, false);
      }
      return retry;
    }
    return settler.answer(items, answer);
  }

  /**
   * A request refused as a whole, its tasks go back to be sent in smaller requests (this is no
   * try). Too large (413, `json` given): the byte ceiling drops below half its body, for good.
   * Refused (400) for what some task holds: its tasks go at most half as many to a request, so
   * halving again and again finds the tasks at fault, alone. A single task refused fails.
   */
  function split(items: Item[], error: BatchError, json?: string): void {
    if (items.length === 1) {
      settler.failed(items, error, false);
      return;
    }
    if (json) packer.halveCeiling(json);
    for (const item of items) {
      const t = tracked(item);
      t.sends += Math.max(1, error.attempts);
      if (!json) t.group = Math.min(t.group, (items.length + 1) >> 1);
      packer.resend.push(t);
    }
  }

  let lock: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = lock.then(fn);
    lock = run.catch(() => undefined);
    return run;
  };
  const nextRequest = async () => {
    if (signal.aborted) throw abortError();
    const request = stopError === undefined ? await packer.next(pull) : undefined;
    // Sending stopped while the request was packed (the input failed): its tasks are not sent.
    if (request && stopError !== undefined) packer.carried.push(...request.items);
    else return request;
  };

  async function worker(): Promise<void> {
    for (;;) {
      const request = await exclusive(nextRequest);
      if (!request) return;
      const retry = await sendRequest(request.items, request.json);
      if (retry.length > 0) {
        // Back off before these tasks can be picked up again, by this worker or another.
        let tries = 0;
        for (const t of retry) tries = Math.max(tries, t.tries);
        backingOff.add(retry);
        try {
          await sleep(resendDelay(tries, baseDelayMs, random), signal);
        } catch {
          throw abortError();
        }
        backingOff.delete(retry);
        packer.resend.push(...retry);
      }
      progress();
    }
  }

  const run = () =>
    worker().catch((error: unknown) => {
      stopWith(error);
      controller.abort(error);
    });
  try {
    await Promise.all(Array.from({ length: concurrency }, run));
    // Tasks queued again by a worker that then found nothing else to do.
    while (stopError === undefined && packer.resend.length > 0) await run();
    if (stopError === undefined) return resultOf(log, input);
    const reason = options.signal?.aborted
      ? abortedError({ operation }, options.signal.reason)
      : stopError;
    const stop = isBatchError(reason)
      ? reason
      : clientError(
          "InputOrListenerFailed",
          String((reason as Error | undefined)?.message ?? reason),
          operation,
          reason,
        );
    // Every task taken and not settled ends here; the rest of the input stays unread.
    for (const item of [...backingOff, packer.resend, packer.carried].flat()) {
      settler.skip(item, stop);
    }
    progress();
    throw new AddManyError(stop, resultOf(log, input), reason);
  } finally {
    unlink();
    if (!input.done) {
      const closing = input.close().catch(() => undefined);
      // After an abort the input may still be busy giving a task, which would hold the abort
      // up: it closes on its own.
      if (!signal.aborted) await closing;
    }
  }
}

/** The result, with `results` made from the log on first read, then kept. */
function resultOf(log: OutcomeLog, input: TaskInput): AddManyResult {
  const { counts } = log;
  let results: TaskAddOutcome[] | undefined;
  return {
    total: counts.added + counts.failed + counts.skipped + counts.unknown,
    ...counts,
    inputExhausted: input.done,
    get results() {
      results ??= log.toArray();
      return results;
    },
    set results(value) {
      results = value;
    },
  };
}
