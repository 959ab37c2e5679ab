// The client's deadlines: timer functions that can be swapped (tests decide when time passes
// instead of waiting for it), and an AbortSignal that fires at a deadline or with its parent.
import { linkAbort } from "./abort-link.js";

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Deadline {
  /** Aborts when the parent does, or after the delay with `reason()`. */
  readonly signal: AbortSignal;
  /** True once the delay passed (rather than the parent aborting). */
  readonly expired: boolean;
  /** Stops the timer and unlinks the parent; call once the work is done. */
  release(): void;
}

export function startDeadline(
  parent: AbortSignal | undefined,
  ms: number,
  timers: Timers,
  reason: () => unknown,
): Deadline {
  const controller = new AbortController();
  const unlink = linkAbort(parent, controller);
  const deadline = {
    signal: controller.signal,
    expired: false,
    release() {
      timers.clearTimeout(timer);
      unlink();
    },
  };
  const timer = timers.setTimeout(() => {
    deadline.expired = true;
    controller.abort(reason());
  }, ms);
  return deadline;
}
