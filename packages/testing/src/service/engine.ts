// The task and job state machine: every state change goes through here, keeping task counts,
// in-flight sets, dependency waits, wall-clock watchdogs, ETag versions and the executor in
// step. Callers (the operations and the executor host) check permissions first; the engine
// applies the change and its consequences (retries, dependents, job actions, job completion).

import type { TaskConstraints } from "@batch/types";
import type { Executor, ExecutorHost, TaskHandle, TaskOutcome } from "../executors/executor.js";
import type { BatchStore } from "../store/batch-store.js";
import {
  type FailureInfo,
  type JobRecord,
  type JobState,
  RunRecord,
  SubtaskRecord,
  type TaskRecord,
  type TaskState,
} from "../store/records.js";
import { type Clock, type Timers, unrefTimer } from "./clock.js";
import { parseDuration } from "./durations.js";
import { operationInvalidForCurrentState } from "./error-catalog.js";
import { EtagCounter } from "./etag.js";
import { dependencyActionFor, jobActionFor } from "./exit-options.js";
import { FAILURE_EXIT_CODE, MAX_WALL_CLOCK_TIME_EXCEEDED, TASK_ENDED } from "./failure-codes.js";
import { JobRuntime } from "./job-runtime.js";

export interface EngineOptions {
  store: BatchStore;
  clock: Clock;
  timers: Timers;
  executor: Executor;
  /** Delay before terminating → completed and deleting → gone. */
  jobTransitionMs: number;
}

// setTimeout cannot wait longer than this; longer limits are re-armed in steps.
const MAX_TIMER_MS = 2_147_483_647;
// Limits this long (TimeSpan.MaxValue and the like) mean "none".
const NO_LIMIT_MS = 100 * 365 * 86_400_000;

function isInFlight(state: TaskState): boolean {
  return state === "preparing" || state === "running";
}

export class Engine {
  readonly versions = new EtagCounter();
  private readonly runtimes = new Map<JobRecord, JobRuntime>();
  private readonly store: BatchStore;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly executor: Executor;
  private readonly jobTransitionMs: number;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.timers = options.timers;
    this.executor = options.executor;
    this.jobTransitionMs = options.jobTransitionMs;
  }

  now(): number {
    return this.clock.now();
  }

  runtime(job: JobRecord): JobRuntime {
    let runtime = this.runtimes.get(job);
    if (runtime === undefined) {
      runtime = new JobRuntime();
      this.runtimes.set(job, runtime);
    }
    return runtime;
  }

  // ---- jobs ---------------------------------------------------------------------------------

  jobAdded(job: JobRecord): void {
    const runtime = this.runtime(job);
    const limit = job.spec.constraints?.maxWallClockTime;
    const ms = limit === undefined ? undefined : parseDuration(limit);
    if (ms !== undefined && ms < NO_LIMIT_MS) {
      this.armDeadline(runtime.jobTimers, job.creationTime + ms, () => {
        if (job.state === "active" && !job.removed)
          this.terminateJob(job, "MaxWallClockTimeExpiry");
      });
    }
  }

  private setJobState(job: JobRecord, next: JobState): void {
    job.previousState = job.state;
    job.previousStateTime = job.stateTime;
    job.state = next;
    job.stateTime = this.now();
    job.version = this.versions.next();
  }

  /** active → terminating → (after jobTransitionMs) completed; running tasks are ended. */
  terminateJob(job: JobRecord, reason: string): void {
    const runtime = this.runtime(job);
    this.setJobState(job, "terminating");
    job.terminateReason = reason;
    for (const handle of runtime.jobTimers) this.timers.clearTimeout(handle);
    runtime.jobTimers.clear();
    for (const task of [...runtime.inFlight]) this.endTask(job, task, TASK_ENDED);
    this.later(runtime, () => {
      if (job.state !== "terminating" || job.removed) return;
      job.endTime = this.now();
      this.setJobState(job, "completed");
    });
  }

  /** → deleting, then (after jobTransitionMs) the job and its tasks are gone. */
  deleteJob(job: JobRecord): void {
    const runtime = this.runtime(job);
    this.setJobState(job, "deleting");
    runtime.clearAll(this.timers);
    for (const task of runtime.inFlight) this.executor.taskStopped(this.handleOf(job, task));
    this.later(runtime, () => {
      if (this.store.getJob(job.id) === job) this.store.removeJob(job.id);
      this.runtimes.get(job)?.clearAll(this.timers);
      this.runtimes.delete(job);
    });
  }

  private later(runtime: JobRuntime, action: () => void): void {
    const handle = this.timers.setTimeout(() => {
      runtime.jobTimers.delete(handle);
      action();
    }, this.jobTransitionMs);
    runtime.jobTimers.add(handle);
  }

  // ---- tasks: bookkeeping -------------------------------------------------------------------

  /**
   * Applies a change to a task: counts out, change, state (with previous state) and a new
   * version, counts in, and in-flight and watchdog bookkeeping.
   */
  private transition(job: JobRecord, task: TaskRecord, next: TaskState, change?: () => void): void {
    const runtime = this.runtime(job);
    runtime.counts.remove(task);
    change?.();
    if (next !== task.state) {
      task.previousState = task.state;
      task.previousStateTime = task.stateTime;
      task.state = next;
      task.stateTime = this.now();
    }
    task.version = this.versions.next();
    runtime.counts.add(task);
    if (isInFlight(next)) {
      runtime.inFlight.add(task);
    } else {
      runtime.inFlight.delete(task);
      runtime.clearTaskTimer(task, this.timers);
    }
  }

  handleOf(job: JobRecord, task: TaskRecord): TaskHandle {
    return {
      jobId: job.id,
      taskId: task.id,
      seq: task.seq,
      commandLine: task.spec.commandLine,
      requiredSlots: task.requiredSlots,
      numberOfInstances: task.numberOfInstances,
      maxParallelTasks: job.spec.maxParallelTasks ?? -1,
    };
  }

  isRunnable(job: JobRecord, task: TaskRecord): boolean {
    return (
      !task.removed &&
      !job.removed &&
      task.state === "active" &&
      task.dependencyCursor < 0 &&
      job.state === "active"
    );
  }

  private notifyIfRunnable(job: JobRecord, task: TaskRecord): void {
    if (this.isRunnable(job, task)) this.executor.taskRunnable(this.handleOf(job, task));
  }

  private isSatisfied(job: JobRecord, parentId: string): boolean {
    const parent = this.store.getTask(job, parentId);
    return (
      parent !== undefined &&
      parent.state === "completed" &&
      dependencyActionFor(parent) === "satisfy"
    );
  }

  taskAdded(job: JobRecord, task: TaskRecord): void {
    const runtime = this.runtime(job);
    runtime.counts.add(task);
    runtime.dependencies.advance(task, (id) => this.isSatisfied(job, id));
    this.notifyIfRunnable(job, task);
  }

  taskRemoved(job: JobRecord, task: TaskRecord): void {
    const runtime = this.runtime(job);
    const wasInFlight = runtime.inFlight.delete(task);
    runtime.clearTaskTimer(task, this.timers);
    runtime.counts.remove(task);
    runtime.dependencies.forget(task);
    this.store.removeTask(job, task.id);
    if (wasInFlight) this.executor.taskStopped(this.handleOf(job, task));
    this.checkAllTasksComplete(job);
  }

  // ---- tasks: running -----------------------------------------------------------------------

  private requireRunnable(job: JobRecord, task: TaskRecord): void {
    if (this.isRunnable(job, task)) return;
    if (task.state !== "active") {
      throw operationInvalidForCurrentState(`The task is ${task.state}, not active.`);
    }
    if (job.state !== "active") {
      throw operationInvalidForCurrentState(
        `The job is ${job.state}; its tasks are not scheduled.`,
      );
    }
    throw operationInvalidForCurrentState("The task is waiting for the tasks it depends on.");
  }

  /** active → preparing on a node. */
  prepare(job: JobRecord, task: TaskRecord, node = 0): void {
    this.requireRunnable(job, task);
    const now = this.now();
    this.transition(job, task, "preparing", () => {
      const run = new RunRecord();
      run.node = node;
      task.run = run;
      if (task.numberOfInstances > 0) {
        task.subtasks = Array.from(
          { length: task.numberOfInstances },
          (_, i) => new SubtaskRecord(i, now, node + i),
        );
      }
    });
  }

  /**
   * active or preparing → running. Starting straight from active (no preparation step) records
   * previousState active, as the service does for tasks without a job preparation task.
   */
  start(job: JobRecord, task: TaskRecord, node?: number): void {
    const fromActive = task.state === "active";
    if (fromActive) this.requireRunnable(job, task);
    else if (task.state !== "preparing") {
      throw operationInvalidForCurrentState(
        `The task is ${task.state}; only active or preparing tasks can start.`,
      );
    }
    const now = this.now();
    this.transition(job, task, "running", () => {
      if (fromActive) {
        task.run = new RunRecord();
        const first = node ?? 0;
        if (task.numberOfInstances > 0) {
          task.subtasks = Array.from(
            { length: task.numberOfInstances },
            (_, i) => new SubtaskRecord(i, now, first + i),
          );
        }
      }
      const run = task.run!;
      if (node !== undefined) run.node = node;
      run.startTime = now;
      if (task.retryCount > 0) task.lastRetryTime = now;
      for (const subtask of task.subtasks ?? []) {
        if (!fromActive) {
          subtask.previousState = subtask.state;
          subtask.previousStateTime = subtask.stateTime;
        }
        subtask.state = "running";
        subtask.stateTime = now;
        subtask.startTime = now;
      }
    });
    this.armWallClock(job, task);
  }

  /** Ends a running (or preparing, or runnable active) task with an exit code or failure. */
  complete(job: JobRecord, task: TaskRecord, outcome: TaskOutcome): void {
    if (task.state === "active" || task.state === "preparing") this.start(job, task);
    if (task.state !== "running") {
      throw operationInvalidForCurrentState(`The task is ${task.state}, not running.`);
    }
    const now = this.now();
    for (const subtask of task.subtasks ?? []) {
      if (subtask.state !== "completed") this.endSubtask(subtask, outcome, now);
    }
    this.finish(job, task, task.subtasks ? this.aggregate(task.subtasks) : outcome);
  }

  completeSubtask(job: JobRecord, task: TaskRecord, subtaskId: number, outcome: TaskOutcome): void {
    if (!task.subtasks)
      throw operationInvalidForCurrentState("The task is not a multi-instance task.");
    if (task.state === "active" || task.state === "preparing") this.start(job, task);
    if (task.state !== "running") {
      throw operationInvalidForCurrentState(`The task is ${task.state}, not running.`);
    }
    const subtask = task.subtasks[subtaskId];
    if (!subtask) throw operationInvalidForCurrentState(`The task has no subtask ${subtaskId}.`);
    if (subtask.state === "completed") {
      throw operationInvalidForCurrentState(`Subtask ${subtaskId} has already completed.`);
    }
    this.endSubtask(subtask, outcome, this.now());
    task.version = this.versions.next();
    if (task.subtasks.every((s) => s.state === "completed")) {
      this.finish(job, task, this.aggregate(task.subtasks));
    }
  }

  private endSubtask(subtask: SubtaskRecord, outcome: TaskOutcome, now: number): void {
    const failed = outcome.failureInfo !== undefined || (outcome.exitCode ?? 0) !== 0;
    subtask.previousState = subtask.state;
    subtask.previousStateTime = subtask.stateTime;
    subtask.state = "completed";
    subtask.stateTime = now;
    subtask.endTime = now;
    subtask.exitCode = outcome.exitCode;
    subtask.failureInfo =
      outcome.failureInfo ??
      (failed && outcome.exitCode !== undefined ? FAILURE_EXIT_CODE : undefined);
    subtask.result = failed ? "failure" : "success";
  }

  // A multi-instance task fails if any subtask failed (with the first failure's exit code),
  // and otherwise ends with the primary's exit code.
  private aggregate(subtasks: SubtaskRecord[]): TaskOutcome {
    const failed = subtasks.find((s) => s.result === "failure");
    const source = failed ?? subtasks[0];
    return {
      ...(source?.exitCode !== undefined && { exitCode: source.exitCode }),
      ...(failed?.failureInfo !== undefined &&
        failed.failureInfo !== FAILURE_EXIT_CODE && { failureInfo: failed.failureInfo }),
    };
  }

  private finish(job: JobRecord, task: TaskRecord, outcome: TaskOutcome): void {
    const { exitCode } = outcome;
    const nonzero = exitCode !== undefined && exitCode !== 0;
    const retriesLeft = task.maxRetries === -1 || task.retryCount < task.maxRetries;
    if (nonzero && retriesLeft && job.state === "active") {
      this.transition(job, task, "active", () => {
        task.retryCount += 1;
        task.subtasks = undefined;
        const run = task.run;
        if (run) {
          run.endTime = undefined;
          run.exitCode = undefined;
          run.failureInfo = undefined;
          run.result = undefined;
        }
      });
      this.runtime(job).retries += 1;
      this.notifyIfRunnable(job, task);
      return;
    }
    const failureInfo = outcome.failureInfo ?? (nonzero ? FAILURE_EXIT_CODE : undefined);
    this.transition(job, task, "completed", () => {
      const run = task.run ?? new RunRecord();
      task.run = run;
      run.endTime = this.now();
      run.exitCode = exitCode;
      run.failureInfo = failureInfo;
      run.result = failureInfo === undefined ? "success" : "failure";
    });
    this.afterCompletion(job, task);
  }

  /** Ends a task that has not completed: a terminate request, a job ending, a watchdog. */
  endTask(job: JobRecord, task: TaskRecord, failureInfo: FailureInfo): void {
    const runtime = this.runtime(job);
    const wasInFlight = runtime.inFlight.has(task);
    const now = this.now();
    for (const subtask of task.subtasks ?? []) {
      if (subtask.state !== "completed") this.endSubtask(subtask, { failureInfo }, now);
    }
    this.transition(job, task, "completed", () => {
      const run = task.run ?? new RunRecord();
      task.run = run;
      run.endTime = now;
      run.exitCode = undefined;
      run.failureInfo = failureInfo;
      run.result = "failure";
    });
    if (wasInFlight) this.executor.taskStopped(this.handleOf(job, task));
    this.afterCompletion(job, task);
  }

  /** completed (failed) → active, as if never run: retry count 0, no run information. */
  reactivate(job: JobRecord, task: TaskRecord): void {
    this.transition(job, task, "active", () => {
      task.retryCount = 0;
      task.lastRetryTime = undefined;
      task.run = undefined;
      task.subtasks = undefined;
    });
    this.notifyIfRunnable(job, task);
  }

  updateConstraints(
    job: JobRecord,
    task: TaskRecord,
    constraints: TaskConstraints | undefined,
  ): void {
    this.transition(job, task, task.state, () => {
      task.constraints = constraints;
      task.maxRetries = constraints?.maxTaskRetryCount ?? job.maxTaskRetryCount;
      task.lastModified = this.now();
    });
    if (task.state === "running") this.armWallClock(job, task);
  }

  private afterCompletion(job: JobRecord, task: TaskRecord): void {
    const runtime = this.runtime(job);
    for (const dependent of runtime.dependencies.waitingOn(task.id)) {
      if (runtime.dependencies.advance(dependent, (id) => this.isSatisfied(job, id))) {
        this.notifyIfRunnable(job, dependent);
      }
    }
    if (job.state !== "active") return;
    if (job.onTaskFailure === "performexitoptionsjobaction" && jobActionFor(task) === "terminate") {
      this.terminateJob(job, "TaskFailed");
      return;
    }
    this.checkAllTasksComplete(job);
  }

  private checkAllTasksComplete(job: JobRecord): void {
    if (job.state !== "active" || job.onAllTasksComplete !== "terminatejob") return;
    const counts = this.runtime(job).counts;
    if (counts.total > 0 && counts.pending === 0) this.terminateJob(job, "AllTasksComplete");
  }

  // ---- watchdogs ----------------------------------------------------------------------------

  private armWallClock(job: JobRecord, task: TaskRecord): void {
    const runtime = this.runtime(job);
    runtime.clearTaskTimer(task, this.timers);
    const limit = task.constraints?.maxWallClockTime;
    const ms = limit === undefined ? undefined : parseDuration(limit);
    const run = task.run;
    if (ms === undefined || ms >= NO_LIMIT_MS || run?.startTime === undefined) return;
    const deadline = run.startTime + ms;
    const fire = () => {
      runtime.wallClock.delete(task);
      if (task.state !== "running" || task.run !== run || task.removed) return;
      const remaining = deadline - this.now();
      if (remaining > 0) {
        schedule(remaining);
        return;
      }
      this.endTask(job, task, MAX_WALL_CLOCK_TIME_EXCEEDED);
    };
    const schedule = (delay: number) => {
      const handle = this.timers.setTimeout(fire, Math.min(Math.max(delay, 0), MAX_TIMER_MS));
      unrefTimer(handle);
      runtime.wallClock.set(task, handle);
    };
    schedule(deadline - this.now());
  }

  private armDeadline(timers: Set<unknown>, deadline: number, action: () => void): void {
    const schedule = (delay: number) => {
      const handle = this.timers.setTimeout(
        () => {
          timers.delete(handle);
          const remaining = deadline - this.now();
          if (remaining > 0) schedule(remaining);
          else action();
        },
        Math.min(Math.max(delay, 0), MAX_TIMER_MS),
      );
      unrefTimer(handle);
      timers.add(handle);
    };
    schedule(deadline - this.now());
  }

  // ---- executor -----------------------------------------------------------------------------

  /** The executor's view of the service; calls on tasks that moved on are ignored (false). */
  host(): ExecutorHost {
    const resolve = (handle: TaskHandle) => {
      const job = this.store.getJob(handle.jobId);
      const task = job ? this.store.getTask(job, handle.taskId) : undefined;
      if (!job || !task || task.seq !== handle.seq || job.state === "deleting") return undefined;
      return { job, task };
    };
    const attempt = (handle: TaskHandle, action: (job: JobRecord, task: TaskRecord) => void) => {
      const found = resolve(handle);
      if (!found) return false;
      try {
        action(found.job, found.task);
        return true;
      } catch {
        return false;
      }
    };
    return {
      clock: this.clock,
      timers: this.timers,
      isRunnable: (handle) => {
        const found = resolve(handle);
        return found !== undefined && this.isRunnable(found.job, found.task);
      },
      prepare: (handle, node) => attempt(handle, (job, task) => this.prepare(job, task, node)),
      start: (handle, node) =>
        attempt(handle, (job, task) => {
          if (task.state === "active") this.requireRunnable(job, task);
          this.start(job, task, node);
        }),
      complete: (handle, outcome) =>
        attempt(handle, (job, task) => {
          if (task.state !== "running") throw operationInvalidForCurrentState("not running");
          this.complete(job, task, outcome);
        }),
      completeSubtask: (handle, subtaskId, outcome) =>
        attempt(handle, (job, task) => {
          if (task.state !== "running") throw operationInvalidForCurrentState("not running");
          this.completeSubtask(job, task, subtaskId, outcome);
        }),
      runnableTasks: () => this.runnableTasks(),
    };
  }

  private *runnableTasks(): Iterable<TaskHandle> {
    for (const job of this.store.jobsAfter(0)) {
      if (job.state !== "active") continue;
      for (const task of this.store.tasksAfter(job, 0)) {
        if (this.isRunnable(job, task)) yield this.handleOf(job, task);
      }
    }
  }

  dispose(): void {
    for (const runtime of this.runtimes.values()) runtime.clearAll(this.timers);
    this.executor.dispose();
  }
}
