// Timers for tests that decide when time passes: a callback waits until the test advances
// the fixture's time past its delay, then runs, in due order, including those that callbacks
// schedule meanwhile. Given to a service (`timers`), it makes job transitions and the
// simulated executor step on demand instead of on the wall clock.

import type { Timers } from "./clock.js";

export interface StepTimers {
  readonly timers: Timers;
  /** Runs every callback due within `ms` from now (0: those due now), then moves time on. */
  advance(ms?: number): void;
  /** Callbacks still waiting. */
  pending(): number;
}

export function createStepTimers(): StepTimers {
  let now = 0;
  let nextId = 1;
  const waiting = new Map<number, { due: number; callback: () => void }>();

  function nextDue(until: number): number | undefined {
    let found: number | undefined;
    for (const [id, timer] of waiting) {
      // Map iteration is in insertion order, so equal due times keep the order they were set.
      if (timer.due <= until && (found === undefined || timer.due < waiting.get(found)!.due)) {
        found = id;
      }
    }
    return found;
  }

  return {
    timers: {
      setTimeout(callback, ms) {
        const id = nextId++;
        waiting.set(id, { due: now + Math.max(0, ms), callback });
        return id;
      },
      clearTimeout(handle) {
        waiting.delete(handle as number);
      },
    },
    advance(ms = 0) {
      const until = now + ms;
      for (let id = nextDue(until); id !== undefined; id = nextDue(until)) {
        const timer = waiting.get(id)!;
        waiting.delete(id);
        now = timer.due;
        timer.callback();
      }
      now = until;
    },
    pending: () => waiting.size,
  };
}
