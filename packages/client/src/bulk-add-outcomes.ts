// The outcomes of one addMany run, recorded compactly. A task costs a few small-integer array
// slots (its id; added/failed, reconciled and the attempt count packed in one integer; where its
// details are) instead of an object of its own, and an added task's details (eTag,
// lastModified, location) stay in the bytes of the answer they came in, outside the JS heap,
// parsed again only if someone reads them. `TaskAddOutcome` objects are built on demand: for the
// `onTaskResult` listener as each outcome is recorded, and for `results` when it is first read.
// Keeping every answer's parsed results (or even their text) alive instead made the garbage
// collector copy, promote and mark them, which cost more CPU than the rest of addMany's
// bookkeeping.
import type { TaskAddResult } from "@batch/types";
import type { BatchError } from "./errors.js";

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

const utf8 = new TextDecoder();

// The packed integer: bit 0 added, bit 1 reconciled, the rest the attempt count.
const addedBit = 1;
const reconciledBit = 2;
const attemptsShift = 2;

export class OutcomeLog {
  #added = 0;
  #failed = 0;
  readonly #ids: string[] = [];
  readonly #codes: number[] = [];
  /**
   * Where each task's details are: for a task added with a result entry, the index of the kept
   * answer (`#answers`); otherwise -1.
   */
  readonly #answerOf: number[] = [];
  /** The entry's position in that answer's `value`, or the index of a failed task's error. */
  readonly #positions: number[] = [];
  readonly #answers: (Uint8Array | undefined)[] = [];
  readonly #errors: BatchError[] = [];
  readonly #listener: ((outcome: TaskAddOutcome) => void) | undefined;

  /** `listener` receives each outcome, built as an object, as soon as it is recorded. */
  constructor(listener?: (outcome: TaskAddOutcome) => void) {
    this.#listener = listener;
  }

  get added(): number {
    return this.#added;
  }

  get failed(): number {
    return this.#failed;
  }

  get size(): number {
    return this.#ids.length;
  }

  /**
   * Keeps the body of an add-collection answer, `{ "value": [TaskAddResult...] }` in UTF-8, for
   * the details of tasks it added; returns its index for `recordAdded`. An answer kept without
   * a body gives its tasks no details.
   */
  keepAnswer(body: Uint8Array | undefined): number {
    return this.#answers.push(body) - 1;
  }

  /** A task the service added: `entry` is `value[position]` of kept answer `answer`. */
  recordAdded(
    taskId: string,
    attempts: number,
    entry: TaskAddResult,
    answer: number,
    position: number,
  ): void {
    this.#added++;
    this.#push(taskId, (attempts << attemptsShift) | addedBit, answer, position);
    if (this.#listener)
      this.#listener(build(taskId, (attempts << attemptsShift) | addedBit, entry));
  }

  /** A task an earlier, unanswered send added (TaskExists on a later one). */
  recordReconciled(taskId: string, attempts: number): void {
    this.#added++;
    const code = (attempts << attemptsShift) | addedBit | reconciledBit;
    this.#push(taskId, code, -1, -1);
    if (this.#listener) this.#listener(build(taskId, code, undefined));
  }

  recordFailed(taskId: string, attempts: number, error: BatchError): void {
    this.#failed++;
    const code = attempts << attemptsShift;
    this.#push(taskId, code, -1, this.#errors.push(error) - 1);
    if (this.#listener) this.#listener(build(taskId, code, error));
  }

  #push(taskId: string, code: number, answer: number, position: number): void {
    this.#ids.push(taskId);
    this.#codes.push(code);
    this.#answerOf.push(answer);
    this.#positions.push(position);
  }

  /** Every outcome, in the order they were recorded, as new objects. */
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
        (code & addedBit) === 0
          ? this.#errors[position]
          : answer >= 0
            ? entryAt(answer, position)
            : undefined;
      outcomes[i] = build(this.#ids[i]!, code, detail);
    }
    return outcomes;
  }
}

/** One outcome object from its packed code and details (a result entry, or an error). */
function build(
  taskId: string,
  code: number,
  detail: TaskAddResult | BatchError | undefined,
): TaskAddOutcome {
  const added = (code & addedBit) !== 0;
  const outcome: TaskAddOutcome = {
    taskId,
    status: added ? "added" : "failed",
    attempts: code >>> attemptsShift,
    reconciled: (code & reconciledBit) !== 0,
  };
  if (!added) outcome.error = detail as BatchError;
  else if (detail !== undefined) {
    const entry = detail as TaskAddResult;
    if (entry.eTag) outcome.eTag = entry.eTag;
    if (entry.lastModified) outcome.lastModified = entry.lastModified;
    if (entry.location) outcome.location = entry.location;
  }
  return outcome;
}
