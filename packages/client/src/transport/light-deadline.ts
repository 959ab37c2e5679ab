// An attempt's deadline without an AbortController: a small signal that has what the pipeline's
// steps and the node:http transport read of an AbortSignal (aborted, reason, throwIfAborted,
// add/removeEventListener for "abort"), fired by one timer or by the caller's signal. On Node a
// real AbortSignal per attempt cost about 40 µs of CPU per loopback get (its creation, its
// listeners, and the garbage collector's handling of it) and raised the peak heap of 5,000 gets
// from 8 to 12 MiB. The node:http transport hands it to the pipeline (see starts-deadlines.ts);
// it never reaches a fetch implementation that would need the real thing.
import type { Deadline, Timers } from "../timers.js";

export class LightAbortSignal {
  aborted = false;
  reason: unknown = undefined;
  #listeners: (() => void)[] | undefined;

  /** Like AbortSignal's: a listener added after the abort is never called. */
  addEventListener(_type: "abort", listener: () => void): void {
    if (this.aborted) return;
    this.#listeners ??= [];
    this.#listeners.push(listener);
  }

  removeEventListener(_type: "abort", listener: () => void): void {
    const listeners = this.#listeners;
    const index = listeners === undefined ? -1 : listeners.indexOf(listener);
    if (index !== -1) listeners!.splice(index, 1);
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  /** Aborts once with `reason`, calling each listener once. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.#listeners;
    this.#listeners = undefined;
    for (const listener of listeners ?? []) listener();
  }
}

/** `startDeadline` with a LightAbortSignal: the same contract, no AbortController. */
export function startLightDeadline(
  parent: AbortSignal | undefined,
  ms: number,
  timers: Timers,
  reason: () => unknown,
): Deadline {
  const signal = new LightAbortSignal();
  const onParentAbort = () => signal.abort(parent?.reason);
  if (parent?.aborted) signal.abort(parent.reason);
  else parent?.addEventListener("abort", onParentAbort, { once: true });
  const deadline = {
    // Typed as the pipeline's AbortSignal: every reader of an attempt's signal on this path (the
    // bearer step, the transport step, the node:http transport) uses only the members above.
    signal: signal as unknown as AbortSignal,
    expired: false,
    release() {
      timers.clearTimeout(timer);
      parent?.removeEventListener("abort", onParentAbort);
    },
  };
  const timer = timers.setTimeout(() => {
    deadline.expired = true;
    signal.abort(reason());
  }, ms);
  return deadline;
}
