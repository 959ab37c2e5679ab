// Reading addMany's input one task at a time: any iterable (an array too) through its iterator,
// an async iterable with one await per task. Synchronous inputs never cost a promise per task;
// nothing is read ahead of what the caller asks for.
import type { TaskAddParameter } from "@batch/types";
import { clientError } from "../errors.js";

/** Returned by `next()` once the input is exhausted. */
export const inputEnd: unique symbol = Symbol("end of addMany input");

export type InputStep = TaskAddParameter | typeof inputEnd;

export interface TaskInput {
  /** True when `next()` returns promises. */
  readonly async: boolean;
  /** True once `next()` has returned `inputEnd`. */
  readonly done: boolean;
  /** The next value of the input (unchecked: it may not be a valid task), or `inputEnd`. */
  next(): InputStep | Promise<InputStep>;
  /** Closes an iterator that was not read to its end (runs a generator's `finally`). */
  close(): Promise<void>;
}

export function openTaskInput(
  source: Iterable<TaskAddParameter> | AsyncIterable<TaskAddParameter>,
): TaskInput {
  if (typeof source === "object" && source !== null) {
    const isAsync = Symbol.asyncIterator in source;
    if (isAsync || Symbol.iterator in source) {
      return new IteratorInput(
        isAsync
          ? source[Symbol.asyncIterator]()
          : (source as Iterable<TaskAddParameter>)[Symbol.iterator](),
        isAsync,
      );
    }
  }
  throw clientError(
    "InvalidInput",
    "addMany takes an array, an iterable or an async iterable of tasks",
    "Task_AddCollection",
  );
}

class IteratorInput implements TaskInput {
  done = false;
  readonly async: boolean;
  readonly #iterator: Iterator<TaskAddParameter> | AsyncIterator<TaskAddParameter>;

  constructor(
    iterator: Iterator<TaskAddParameter> | AsyncIterator<TaskAddParameter>,
    isAsync: boolean,
  ) {
    this.#iterator = iterator;
    this.async = isAsync;
  }

  next(): InputStep | Promise<InputStep> {
    const step = this.#iterator.next();
    if (this.async) return Promise.resolve(step).then((s) => this.#value(s));
    return this.#value(step as IteratorResult<TaskAddParameter>);
  }

  #value(step: IteratorResult<TaskAddParameter>): InputStep {
    if (!step.done) return step.value;
    this.done = true;
    return inputEnd;
  }

  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.#iterator.return?.();
  }
}
