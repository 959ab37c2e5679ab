// Planning addMany's requests: tasks waiting to be sent again first, then tasks from the input,
// packed into a request of at most `maxTasks` tasks and `maxBytes` bytes of JSON, one id (ignoring
// case, as the service does) at most once per request. The usual request is serialized whole in
// one JSON.stringify of the caller's objects; only one that is too large is packed task by task,
// and the tasks that did not fit wait, in input order, for the next request.
import type { TaskAddParameter } from "@batch/types";
import type { BatchError } from "../errors.js";
import { jsonBody } from "../operations/json-body.js";
import { utf8ByteLength } from "../utf8-length.js";
import { type Item, sendsOf, Tracked, taskOf, tracked } from "./tracked-task.js";

export interface Outbound {
  items: Item[];
  json: string;
}

/** The next valid task of the input, or undefined at its end. */
export type PullTask = () => TaskAddParameter | undefined | Promise<TaskAddParameter | undefined>;

/** `{"value":[]}` around the tasks. */
const envelopeBytes = 12;

export class RequestPacker {
  /** Tasks taken from the input that did not fit the last request, in input order. */
  readonly carried: Item[] = [];
  /** Tasks to send again, their backoff over. */
  readonly resend: Tracked[] = [];
  #maxBytes: number;
  readonly #maxTasks: number;
  /** Fails a task whose JSON cannot be made. */
  readonly #unserializable: (item: Tracked, error: BatchError) => void;

  constructor(
    maxTasks: number,
    maxBytes: number,
    unserializable: (item: Tracked, error: BatchError) => void,
  ) {
    this.#maxTasks = maxTasks;
    this.#maxBytes = maxBytes;
    this.#unserializable = unserializable;
  }

  /** `json` was refused as too large: later requests stay below half its size. */
  halveCeiling(json: string): void {
    this.#maxBytes = Math.min(this.#maxBytes, Math.floor(utf8ByteLength(json) / 2));
  }

  /** The next request, or undefined when nothing is left to send. */
  async next(pull: PullTask): Promise<Outbound | undefined> {
    for (;;) {
      const request = await this.#collect(pull);
      // null: every task taken failed to serialize, so take more.
      if (request !== null) return request;
    }
  }

  async #collect(pull: PullTask): Promise<Outbound | undefined | null> {
    // A request led by a task being isolated holds at most its group.
    const maxTasks = Math.min(this.#maxTasks, this.resend[0]?.group ?? 100);
    const items: Item[] = [];
    const keys = new Set<string>();
    let trackedCount = 0;
    if (this.resend.length > 0) {
      const waiting: Tracked[] = [];
      for (const t of this.resend) {
        const key = t.id.toLowerCase();
        if (items.length < maxTasks && !keys.has(key)) {
          keys.add(key);
          items.push(t);
          trackedCount++;
        } else waiting.push(t);
      }
      this.resend.length = 0;
      for (const t of waiting) this.resend.push(t);
    }
    while (items.length < maxTasks) {
      // No await for a task a sync input gave at once: that would cost a microtask per task.
      let item: Item | undefined;
      if (this.carried.length > 0) item = this.carried.shift();
      else {
        const pulled = pull();
        item = pulled instanceof Promise ? await pulled : pulled;
      }
      if (item === undefined) break;
      const key = item.id.toLowerCase();
      if (keys.has(key)) {
        this.carried.unshift(item);
        break;
      }
      keys.add(key);
      items.push(item);
      if (item instanceof Tracked) trackedCount++;
    }
    if (items.length === 0) return undefined;
    // The whole request at once, when it is serializable and small enough (the usual case).
    let json: string | undefined;
    try {
      json = JSON.stringify({ value: trackedCount === 0 ? items : items.map(taskOf) });
    } catch {
      json = undefined;
    }
    if (json !== undefined && fitsIn(json, this.#maxBytes)) return { items, json };
    return this.#packBySize(items);
  }

  /**
   * Serializes the tasks one by one (failing any that cannot be), takes as many as fit (at least
   * one), and puts the rest back at the front of their queues.
   */
  #packBySize(items: Item[]): Outbound | null {
    const packed: Tracked[] = [];
    const rest: Tracked[] = [];
    let bytes = envelopeBytes;
    for (const item of items) {
      const t = tracked(item);
      if (t.json === undefined) {
        try {
          t.json = jsonBody(t.task, "Task_AddCollection", `task ${JSON.stringify(t.id)}`);
        } catch (error) {
          this.#unserializable(t, error as BatchError);
          continue;
        }
        t.bytes = utf8ByteLength(t.json);
      }
      const size = t.bytes + (packed.length > 0 ? 1 : 0);
      if (rest.length === 0 && (packed.length === 0 || bytes + size <= this.#maxBytes)) {
        packed.push(t);
        bytes += size;
      } else rest.push(t);
    }
    this.carried.unshift(...rest.filter((t) => sendsOf(t) === 0));
    this.resend.unshift(...rest.filter((t) => sendsOf(t) > 0));
    if (packed.length === 0) return null;
    return { items: packed, json: `{"value":[${packed.map((t) => t.json).join(",")}]}` };
  }
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
