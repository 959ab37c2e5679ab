// Time for the service and its executors: a clock and a timer API, both injectable so tests
// can run on fake time. The defaults look up the globals on every call, so vitest's fake
// timers take effect even when installed after the service was created.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export type TimerHandle = unknown;

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = { now: () => Date.now() };

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Lets a long watchdog timer not keep the process alive on its own. */
export function unrefTimer(handle: TimerHandle): void {
  const candidate = handle as { unref?: () => void } | null;
  if (candidate && typeof candidate.unref === "function") candidate.unref();
}
