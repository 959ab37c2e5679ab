// Per-job task counts kept up to date on every change, so Job_GetTaskCounts and the
// "all tasks complete" check cost nothing however many tasks a job has.

import type { TaskCounts } from "@batch/types";
import type { TaskRecord } from "../store/records.js";
import { requiredSlotsOf } from "./spec-defaults.js";

type Bucket = "active" | "running" | "succeeded" | "failed";

function bucketOf(task: TaskRecord): Bucket {
  switch (task.state) {
    case "active":
      return "active";
    case "preparing":
    case "running":
      return "running";
    case "completed":
      return task.run?.result === "success" ? "succeeded" : "failed";
  }
}

function zero(): Record<Bucket, number> {
  return { active: 0, running: 0, succeeded: 0, failed: 0 };
}

export class TaskCounter {
  private readonly tasks = zero();
  private readonly slots = zero();

  /** Counts a task as it is now; pair with `remove` before and `add` after a change. */
  add(task: TaskRecord): void {
    const bucket = bucketOf(task);
    this.tasks[bucket] += 1;
    this.slots[bucket] += requiredSlotsOf(task);
  }

  remove(task: TaskRecord): void {
    const bucket = bucketOf(task);
    this.tasks[bucket] -= 1;
    this.slots[bucket] -= requiredSlotsOf(task);
  }

  /** Tasks not yet completed. */
  get pending(): number {
    return this.tasks.active + this.tasks.running;
  }

  get total(): number {
    return this.pending + this.tasks.succeeded + this.tasks.failed;
  }

  get succeeded(): number {
    return this.tasks.succeeded;
  }

  get failed(): number {
    return this.tasks.failed;
  }

  taskCounts(): TaskCounts {
    return expand(this.tasks);
  }

  slotCounts(): TaskCounts {
    return expand(this.slots);
  }
}

function expand(counts: Record<Bucket, number>): TaskCounts {
  return {
    active: counts.active,
    running: counts.running,
    completed: counts.succeeded + counts.failed,
    succeeded: counts.succeeded,
    failed: counts.failed,
  };
}
