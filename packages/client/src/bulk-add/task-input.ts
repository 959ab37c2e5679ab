// Reading addMany's input one task at a time: any iterable (an array too) through its iterator,
// an async iterable with one await per task. Synchronous inputs never cost a promise per task;
// nothing is read ahead of what the caller asks for.
import type { TaskAddParameter } from "@batch/types";
import { BatchError } from "../errors.js";

/** Returned by `next()` once the input is exhausted. */
export const inputEnd: unique symbol = Symbol("end of addMany input");

export type InputStep = TaskAddParameter | typeof inputEnd;

export interface TaskInput {
  /** True when `next()` returns promises. */
  readonly async: boolean;
  /** The number of tasks when the input is an array (read at every call, as it may grow). */
  readonly length: number | undefined;
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
    if (Symbol.asyncIterator in source) {
      return new IteratorInput(source[Symbol.asyncIterator](), true, undefined);
    }
    if (Symbol.iterator in source) {
      const array = Array.isArray(source) ? source : undefined;
      return new IteratorInput(source[Symbol.iterator](), false, array);
    }
  }
  throw new BatchError({
    kind: "client",
    code: "InvalidInput",
    message: "addMany takes an array, an iterable or an async iterable of tasks",
    operation: "Task_AddCollection",
  });
}

class IteratorInput implements TaskInput {
  done = false;
  readonly async: boolean;
  readonly #iterator: Iterator<TaskAddParameter> | AsyncIterator<TaskAddParameter>;
  readonly #array: readonly TaskAddParameter[] | undefined;

  constructor(
    iterator: Iterator<TaskAddParameter> | AsyncIterator<TaskAddParameter>,
    isAsync: boolean,
    array: readonly TaskAddParameter[] | undefined,
  ) {
    this.#iterator = iterator;
    this.async = isAsync;
    this.#array = array;
  }

  get length(): number | undefined {
    return this.#array?.length;
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
