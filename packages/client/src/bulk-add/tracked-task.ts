// How addMany holds a task. On its first send a task is just the caller's object (nothing is
// allocated per task on the common path); it gets state of its own (`Tracked`) only once it has
// to be sent again, or its JSON had to be made alone to pack a request by size.
import type { TaskAddParameter } from "@batch/types";
import type { BatchError } from "../errors.js";

export class Tracked {
  /** HTTP requests that carried the task (pipeline retries included). */
  sends = 0;
  /** Sends that count against maxAttemptsPerTask (413 splits do not). */
  tries = 0;
  /**
   * A send may have added the task: it got no clear answer, or a `servererror` result. A later
   * TaskExists then means added; giving up on the task reports it `unknown`.
   */
  mayExist = false;
  /** The most tasks a request that carries it may hold (lowered to isolate a refused task). */
  group = 100;
  /** Why the task is being sent again. */
  lastError: BatchError | undefined = undefined;
  /** The task's own JSON and its UTF-8 size, once made. */
  json: string | undefined = undefined;
  bytes = 0;

  // Declared, not defined: the constructor sets them, and the bundle carries no field list.
  declare readonly task: TaskAddParameter;
  declare readonly id: string;

  constructor(task: TaskAddParameter, id: string) {
    this.task = task;
    this.id = id;
  }
}

/** What a request carries: the caller's task (first send) or a Tracked one. Both have `id`. */
export type Item = TaskAddParameter | Tracked;

export function taskOf(item: Item): TaskAddParameter {
  return item instanceof Tracked ? item.task : item;
}

export function sendsOf(item: Item): number {
  return item instanceof Tracked ? item.sends : 0;
}

/** The item's state, made (with nothing sent yet) for a caller's task. */
export function tracked(item: Item): Tracked {
  return item instanceof Tracked ? item : new Tracked(item, item.id);
}
