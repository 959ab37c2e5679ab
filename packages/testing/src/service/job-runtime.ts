// What the service keeps about a job besides its record while the job exists: task counts,
// the tasks in flight, the dependency index, running timers and the retry total.

import type { TaskRecord } from "../store/records.js";
import type { TimerHandle, Timers } from "./clock.js";
import { DependencyIndex } from "./dependencies.js";
import { TaskCounter } from "./task-counts.js";

export class JobRuntime {
  readonly counts = new TaskCounter();
  /** Tasks in preparing or running. */
  readonly inFlight = new Set<TaskRecord>();
  readonly dependencies = new DependencyIndex();
  /** maxWallClockTime watchdogs of running tasks. */
  readonly wallClock = new Map<TaskRecord, TimerHandle>();
  /** Job-level timers: state transitions and the job's own wall clock. */
  readonly jobTimers = new Set<TimerHandle>();
  retries = 0;

  clearTaskTimer(task: TaskRecord, timers: Timers): void {
    const handle = this.wallClock.get(task);
    if (handle !== undefined) {
      timers.clearTimeout(handle);
      this.wallClock.delete(task);
    }
  }

  clearAll(timers: Timers): void {
    for (const handle of this.wallClock.values()) timers.clearTimeout(handle);
    this.wallClock.clear();
    for (const handle of this.jobTimers) timers.clearTimeout(handle);
    this.jobTimers.clear();
  }
}
