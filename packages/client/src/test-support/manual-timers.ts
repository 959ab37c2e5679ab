// Test-only: timers that run only when the test says so. `fire()` runs every pending callback
// (a deadline "passes" at a moment the test chooses), with no wall-clock waiting.
import type { Timers } from "../timers.js";

export interface ManualTimers extends Timers {
  /** Delays of the timers still pending, in the order they were set. */
  pending(): number[];
  /** Runs every pending callback; returns how many ran. */
  fire(): number;
}

export function manualTimers(): ManualTimers {
  let nextId = 1;
  const waiting = new Map<number, { ms: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      const id = nextId++;
      waiting.set(id, { ms, callback });
      return id;
    },
    clearTimeout(handle) {
      waiting.delete(handle as number);
    },
    pending: () => [...waiting.values()].map((timer) => timer.ms),
    fire() {
      const due = [...waiting.values()];
      waiting.clear();
      for (const timer of due) timer.callback();
      return due.length;
    },
  };
}
