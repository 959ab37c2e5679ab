// Reading addMany's input one task at a time: an array by index, any other iterable through its
// iterator, an async iterable with one await per task. Synchronous inputs never cost a promise
// or an iterator result per task; nothing is read ahead of what the caller asks for.
import type { TaskAddParameter } from "@batch/types";
import { BatchError } from "./errors.js";

/** Returned by `next()` once the input is exhausted. */
export const inputEnd: unique symbol = Symbol("end of addMany input");

export type InputStep = TaskAddParameter | typeof inputEnd;

export interface TaskInput {
  /** True when `next()` returns promises. */
  readonly async: boolean;
  /** The number of tasks when the input is an array. */
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
  if (typeof source === "string" || source === null || typeof source !== "object") {
    throw new BatchError({
      kind: "client",
      code: "InvalidInput",
      message: "addMany takes an array, an iterable or an async iterable of tasks",
      operation: "Task_AddCollection",
    });
  }
  if (Array.isArray(source)) return new ArrayInput(source);
  if (Symbol.asyncIterator in source) {
    return new IteratorInput(source[Symbol.asyncIterator](), true);
  }
  if (Symbol.iterator in source) return new IteratorInput(source[Symbol.iterator](), false);
  throw new BatchError({
    kind: "client",
    code: "InvalidInput",
    message: "addMany takes an array, an iterable or an async iterable of tasks",
    operation: "Task_AddCollection",
  });
}

/** Reads an array as its iterator would (the length is read at every step), without one. */
class ArrayInput implements TaskInput {
  readonly async = false;
  done = false;
  #index = 0;
  readonly #array: readonly TaskAddParameter[];

  constructor(array: readonly TaskAddParameter[]) {
    this.#array = array;
  }

  get length(): number {
    return this.#array.length;
  }

  next(): InputStep {
    if (this.#index < this.#array.length) return this.#array[this.#index++]!;
    this.done = true;
    return inputEnd;
  }

  async close(): Promise<void> {}
}

class IteratorInput implements TaskInput {
  readonly length = undefined;
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
