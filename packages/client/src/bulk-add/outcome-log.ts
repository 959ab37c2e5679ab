// The outcomes of one addMany run, recorded compactly. A task costs a few small-integer array
// slots (its id; its status, reconciled and the attempt count packed in one integer; where its
// details are) instead of an object of its own, and an added task's details (eTag,
// lastModified, location) stay in the bytes of the answer they came in, outside the JS heap,
// parsed again only if someone reads them. `TaskAddOutcome` objects are built on demand: for the
// `onTaskResult` listener as each outcome is recorded, and for `results` when it is first read.
// Keeping every answer's parsed results (or even their text) alive instead made the garbage
// collector copy, promote and mark them, which cost more CPU than the rest of addMany's
// bookkeeping. With `keepAdded` off, an added task is only counted: the log then holds the
// tasks that were not added, however long the input.
import type { TaskAddResult } from "@batch/types";
import type { BatchError } from "../errors.js";

/**
 * - `added`: the service added the task (`reconciled`: inferred from TaskExists after a send
 *   whose outcome was unknown).
 * - `failed`: the service refused it (`error` says why), or it could not be sent at all.
 * - `skipped`: never sent, because sending stopped first (`error` is what stopped it).
 * - `unknown`: the service may or may not have added it: a send of it got no clear answer (lost,
 *   timed out, cut short by an abort) or a `servererror` result, and no later send settled it.
 */
export type TaskAddStatus = "added" | "failed" | "skipped" | "unknown";

export interface TaskAddOutcome {
  /** The task's id; "" for a task refused before sending because it had no string id. */
  taskId: string;
  /**
   * The task's 0-based position in the input, set where the id cannot tell the task: on a task
   * refused before sending because it had no valid id.
   */
  index?: number;
  status: TaskAddStatus;
  /** HTTP requests that carried this task (pipeline retries included). */
  attempts: number;
  /** Added, inferred from TaskExists after a send whose outcome was unknown. */
  reconciled: boolean;
  /** Why the task was not added (every status but `added`). */
  error?: BatchError;
  eTag?: string;
  lastModified?: string;
  location?: string;
}

export interface OutcomeCounts {
  added: number;
  failed: number;
  skipped: number;
  unknown: number;
}

const utf8 = new TextDecoder();
const statuses: readonly TaskAddStatus[] = ["failed", "added", "skipped", "unknown"];

// The packed integer: bits 0-1 the status (its index in `statuses`), bit 2 reconciled, the rest
// the attempt count.
const statusMask = 3;
const addedCode = 1;
const reconciledBit = 4;
const attemptsShift = 3;

export class OutcomeLog {
  readonly counts: OutcomeCounts = { added: 0, failed: 0, skipped: 0, unknown: 0 };
  readonly #ids: string[] = [];
  readonly #codes: number[] = [];
  /**
   * Where each task's details are: for a task added with a result entry, the index of the kept
   * answer (`#answers`); for one not added, its input index when it has one; otherwise -1.
   */
  readonly #answerOf: number[] = [];
  /** The entry's position in that answer's `value`, or the index of the task's error. */
  readonly #positions: number[] = [];
  readonly #answers: (Uint8Array | undefined)[] = [];
  readonly #errors: BatchError[] = [];
  readonly #listener: ((outcome: TaskAddOutcome) => void) | undefined;
  readonly #keepAdded: boolean;

  /**
   * `listener` receives each outcome, built as an object, as soon as it is recorded.
   * `keepAdded` false: added tasks are counted (and passed to the listener) but not kept.
   */
  constructor(listener?: (outcome: TaskAddOutcome) => void, keepAdded = true) {
    this.#listener = listener;
    this.#keepAdded = keepAdded;
  }

  /**
   * Keeps the body of an add-collection answer, `{ "value": [TaskAddResult...] }` in UTF-8, for
   * the details of tasks it added; returns its index for `recordAdded`, or -1 when added tasks
   * are not kept (an answer kept without a body gives its tasks no details).
   */
  keepAnswer(body: Uint8Array | undefined): number {
    return this.#keepAdded ? this.#answers.push(body) - 1 : -1;
  }

  /** A task the service added: `entry` is `value[position]` of kept answer `answer`. */
  recordAdded(
    taskId: string,
    attempts: number,
    entry: TaskAddResult,
    answer: number,
    position: number,
  ): void {
    this.#record(taskId, (attempts << attemptsShift) | addedCode, entry, answer, position);
  }

  /** A task an earlier, unanswered send added (TaskExists on a later one). */
  recordReconciled(taskId: string, attempts: number): void {
    const code = (attempts << attemptsShift) | addedCode | reconciledBit;
    this.#record(taskId, code, undefined, -1, -1);
  }

  /** A task that ends without being added: `status` failed, skipped or unknown. */
  recordNotAdded(
    taskId: string,
    status: Exclude<TaskAddStatus, "added">,
    attempts: number,
    error: BatchError,
    index = -1,
  ): void {
    const code = (attempts << attemptsShift) | statuses.indexOf(status);
    this.#record(taskId, code, error, index, -1);
  }

  #record(
    taskId: string,
    code: number,
    detail: TaskAddResult | BatchError | undefined,
    answer: number,
    position: number,
  ): void {
    const status = statuses[code & statusMask]!;
    this.counts[status]++;
    if (status !== "added" || this.#keepAdded) {
      this.#ids.push(taskId);
      this.#codes.push(code);
      this.#answerOf.push(answer);
      this.#positions.push(
        status === "added" ? position : this.#errors.push(detail as BatchError) - 1,
      );
    }
    if (this.#listener) this.#listener(build(taskId, code, detail, answer));
  }

  /** Every kept outcome, in the order they were recorded, as new objects. */
  toArray(): TaskAddOutcome[] {
    const parsed = new Map<number, TaskAddResult[]>();
    const entryAt = (answer: number, position: number): TaskAddResult | undefined => {
      let value = parsed.get(answer);
      if (value === undefined) {
        const body = this.#answers[answer];
        value =
          body === undefined
            ? []
            : ((JSON.parse(utf8.decode(body)) as { value?: TaskAddResult[] }).value ?? []);
        parsed.set(answer, value);
      }
      return value[position];
    };
    const outcomes = new Array<TaskAddOutcome>(this.#ids.length);
    for (let i = 0; i < outcomes.length; i++) {
      const code = this.#codes[i]!;
      const answer = this.#answerOf[i]!;
      const position = this.#positions[i]!;
      const detail =
        (code & statusMask) !== addedCode
          ? this.#errors[position]
          : answer >= 0
            ? entryAt(answer, position)
            : undefined;
      outcomes[i] = build(this.#ids[i]!, code, detail, answer);
    }
    return outcomes;
  }
}

/** One outcome object from its packed code and details (a result entry, or an error). */
function build(
  taskId: string,
  code: number,
  detail: TaskAddResult | BatchError | undefined,
  index: number,
): TaskAddOutcome {
  const status = statuses[code & statusMask]!;
  const outcome: TaskAddOutcome = {
    taskId,
    status,
    attempts: code >>> attemptsShift,
    reconciled: (code & reconciledBit) !== 0,
  };
  if (status !== "added") {
    outcome.error = detail as BatchError;
    if (index >= 0) outcome.index = index;
  } else if (detail !== undefined) {
    const entry = detail as TaskAddResult;
    if (entry.eTag) outcome.eTag = entry.eTag;
    if (entry.lastModified) outcome.lastModified = entry.lastModified;
    if (entry.location) outcome.location = entry.location;
  }
  return outcome;
}
