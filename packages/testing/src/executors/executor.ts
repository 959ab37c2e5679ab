// The contract between the service and whatever "runs" tasks. The service decides which tasks
// may run (state, dependencies, job state) and tells the executor; the executor decides when
// they start and how they end, through the host the service gives it. A later executor that
// runs command lines for real plugs in here.

import type { Clock, Timers } from "../service/clock.js";
import type { FailureInfo } from "../store/records.js";

/** A task as an executor sees it. `seq` tells apart a task from a later one with the same id. */
export interface TaskHandle {
  readonly jobId: string;
  readonly taskId: string;
  readonly seq: number;
  readonly commandLine: string;
  /** Scheduling slots the task needs on a node. */
  readonly requiredSlots: number;
  /** Subtasks of a multi-instance task; 0 for an ordinary task. */
  readonly numberOfInstances: number;
  /** The job's limit on tasks running at once; -1 for none. */
  readonly maxParallelTasks: number;
}

/** How a run ended: an exit code, or a failure before or around the process (or both). */
export interface TaskOutcome {
  exitCode?: number;
  failureInfo?: FailureInfo;
}

/** What the service lets an executor do. Calls about a task that moved on return false. */
export interface ExecutorHost {
  readonly clock: Clock;
  readonly timers: Timers;
  /** Whether the task is still active and allowed to start. */
  isRunnable(task: TaskHandle): boolean;
  /** active → preparing. */
  prepare(task: TaskHandle, node?: number): boolean;
  /** active or preparing → running. */
  start(task: TaskHandle, node?: number): boolean;
  /** running → completed, or back to active when a retry is due. */
  complete(task: TaskHandle, outcome: TaskOutcome): boolean;
  /** Ends one subtask of a running multi-instance task; the task completes with the last one. */
  completeSubtask(task: TaskHandle, subtaskId: number, outcome: TaskOutcome): boolean;
  /** Every task that may run now, oldest first (used when an executor is attached). */
  runnableTasks(): Iterable<TaskHandle>;
}

export interface Executor {
  readonly kind: string;
  attach(host: ExecutorHost): void;
  /** The task became runnable: added, retried, reactivated, or its dependencies were met. */
  taskRunnable(task: TaskHandle): void;
  /** The service took the task out of preparing or running itself (terminate, delete, job end). */
  taskStopped(task: TaskHandle): void;
  /** Stops all timers; the executor is not used afterwards. */
  dispose(): void;
}
