// What the service keeps about a job besides its record while the job exists, all derived
// from the records or about timers: task counts, the tasks in flight, the dependency index and
// running timers. Tasks are keyed by sequence number (never by object), so the records can
// live in any store; `jobSeq` tells this job from a later one with the same id.

import type { TimerHandle, Timers } from "./clock.js";
import { DependencyIndex } from "./dependencies.js";
import { TaskCounter } from "./task-counts.js";

export class JobRuntime {
  readonly counts = new TaskCounter();
  /** Tasks in preparing or running: sequence number → task id. */
  readonly inFlight = new Map<number, string>();
  readonly dependencies = new DependencyIndex();
  /** maxWallClockTime watchdogs of running tasks, by task sequence number. */
  readonly wallClock = new Map<number, TimerHandle>();
  /** Job-level timers: state transitions and the job's own wall clock. */
  readonly jobTimers = new Set<TimerHandle>();

  constructor(readonly jobSeq: number) {}

  clearTaskTimer(taskSeq: number, timers: Timers): void {
    const handle = this.wallClock.get(taskSeq);
    if (handle !== undefined) {
      timers.clearTimeout(handle);
      this.wallClock.delete(taskSeq);
    }
  }

  clearAll(timers: Timers): void {
    for (const handle of this.wallClock.values()) timers.clearTimeout(handle);
    this.wallClock.clear();
    for (const handle of this.jobTimers) timers.clearTimeout(handle);
    this.jobTimers.clear();
  }
}
