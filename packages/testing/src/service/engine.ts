// The task and job state machine: every state change goes through here, keeping task counts,
// in-flight sets, dependency waits, wall-clock watchdogs, ETag versions and the executor in
// step, and saving every record it changes to the store. Callers (the operations and the
// executor host) check permissions first; the engine applies the change and its consequences
// (retries, dependents, job actions, job completion). What it keeps besides the records is
// keyed by ids and sequence numbers, and timers look their records up again when they fire.

import type { TaskConstraints } from "@batch/types";
import type { Executor, ExecutorHost, TaskHandle, TaskOutcome } from "../executors/executor.js";
import type { BatchStore } from "../store/batch-store.js";
import {
  type FailureInfo,
  type JobRecord,
  type JobState,
  newRunRecord,
  newSubtaskRecord,
  type SubtaskRecord,
  type TaskRecord,
  type TaskState,
} from "../store/records.js";
import { type Clock, type Timers, unrefTimer } from "./clock.js";
import { parseDuration } from "./durations.js";
import { operationInvalidForCurrentState } from "./error-catalog.js";
import { EtagCounter, formatEtag } from "./etag.js";
import { dependencyActionFor, jobActionFor } from "./exit-options.js";
import { FAILURE_EXIT_CODE, MAX_WALL_CLOCK_TIME_EXCEEDED, TASK_ENDED } from "./failure-codes.js";
import { JobRuntime } from "./job-runtime.js";
import type { ResourceVersion } from "./service-error.js";
import {
  instanceCountOf,
  jobMaxTaskRetryCount,
  onAllTasksCompleteOf,
  onTaskFailureOf,
  requiredSlotsOf,
} from "./spec-defaults.js";

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

function isUnfinished(state: JobState): boolean {
  return state === "active" || state === "disabling" || state === "disabled";
}

function isInFlight(state: TaskState): boolean {
  return state === "preparing" || state === "running";
}

export class Engine {
  readonly versions = new EtagCounter();
  private readonly runtimes = new Map<string, JobRuntime>();
  // The job list's own version: that of the last job added, changed or removed.
  private jobList: { version: number; time: number };
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
    this.jobList = { version: 0, time: this.clock.now() };
  }

  /** The ETag and Last-Modified of Job_List: they change whenever any job does. */
  jobListVersion(): ResourceVersion {
    return { eTag: formatEtag(this.jobList.version), lastModified: this.jobList.time };
  }

  private jobListChanged(version: number, time: number): void {
    if (version > this.jobList.version) this.jobList = { version, time };
  }

  now(): number {
    return this.clock.now();
  }

  runtime(job: JobRecord): JobRuntime {
    const key = job.id.toLowerCase();
    let runtime = this.runtimes.get(key);
    if (runtime === undefined || runtime.jobSeq !== job.seq) {
      runtime?.clearAll(this.timers);
      runtime = new JobRuntime(job.seq);
      this.runtimes.set(key, runtime);
    }
    return runtime;
  }

  /** The job as stored now, if it is still the one with this sequence number. */
  private currentJob(jobId: string, seq: number): JobRecord | undefined {
    const job = this.store.getJob(jobId);
    return job?.seq === seq ? job : undefined;
  }

  private currentTask(job: JobRecord, taskId: string, seq: number): TaskRecord | undefined {
    const task = this.store.getTask(job.id, taskId);
    return task?.seq === seq ? task : undefined;
  }

  private inFlightTasks(job: JobRecord): TaskRecord[] {
    const tasks: TaskRecord[] = [];
    for (const [seq, id] of this.runtime(job).inFlight) {
      const task = this.currentTask(job, id, seq);
      if (task) tasks.push(task);
    }
    return tasks;
  }

  // ---- jobs ---------------------------------------------------------------------------------

  jobAdded(job: JobRecord): void {
    this.runtime(job);
    this.jobListChanged(job.version, job.creationTime);
    this.armJobDeadline(job);
    // A job with no tasks has all its tasks complete: terminatejob ends it on the next tick,
    // unless tasks were added by then.
    if (onAllTasksCompleteOf(job) === "terminatejob") {
      this.later(job, (current) => this.checkAllTasksComplete(current));
    }
  }

  private armJobDeadline(job: JobRecord): void {
    const limit = job.spec.constraints?.maxWallClockTime;
    const ms = limit === undefined ? undefined : parseDuration(limit);
    if (ms === undefined || ms >= NO_LIMIT_MS) return;
    const { id, seq } = job;
    this.armDeadline(this.runtime(job).jobTimers, job.creationTime + ms, () => {
      const current = this.currentJob(id, seq);
      // A disabled job has not completed either; its time runs out all the same.
      if (current && isUnfinished(current.state)) {
        this.terminateJob(current, "MaxWallClockTimeExpiry");
      }
    });
  }

  /** Moves the job to a state (with previous state and a new version) and saves it. */
  private setJobState(job: JobRecord, next: JobState, change?: () => void): void {
    job.previousState = job.state;
    job.previousStateTime = job.stateTime;
    job.state = next;
    job.stateTime = this.now();
    job.version = this.versions.next();
    change?.();
    this.store.updateJob(job);
    this.jobListChanged(job.version, job.stateTime);
  }

  /** active → terminating → (after jobTransitionMs) completed; running tasks are ended. */
  terminateJob(job: JobRecord, reason: string): void {
    const runtime = this.runtime(job);
    this.setJobState(job, "terminating", () => {
      job.terminateReason = reason;
    });
    for (const handle of runtime.jobTimers) this.timers.clearTimeout(handle);
    runtime.jobTimers.clear();
    for (const task of this.inFlightTasks(job)) this.endTask(job, task, TASK_ENDED);
    this.later(job, (current) => this.completeTermination(current));
  }

  private completeTermination(job: JobRecord): void {
    if (job.state !== "terminating") return;
    this.setJobState(job, "completed", () => {
      job.endTime = job.stateTime;
    });
  }

  /**
   * active → disabling → (after jobTransitionMs) disabled, as Job_Disable with `requeue`: running
   * tasks go back to active, and no task starts while the job is disabled. There is no
   * Job_Enable here, so a disabled job stays disabled until it is terminated or deleted.
   */
  disableJob(job: JobRecord): void {
    this.setJobState(job, "disabling");
    for (const task of this.inFlightTasks(job)) this.requeue(job, task);
    this.later(job, (current) => this.completeDisable(current));
  }

  private completeDisable(job: JobRecord): void {
    if (job.state === "disabling") this.setJobState(job, "disabled");
  }

  /** → deleting, then (after jobTransitionMs) the job and its tasks are gone. */
  deleteJob(job: JobRecord): void {
    const runtime = this.runtime(job);
    this.setJobState(job, "deleting");
    runtime.clearAll(this.timers);
    for (const task of this.inFlightTasks(job)) this.executor.taskStopped(this.handleOf(job, task));
    this.later(job, (current) => this.removeJob(current));
  }

  private removeJob(job: JobRecord): void {
    this.store.deleteJob(job.id);
    this.jobListChanged(this.versions.next(), this.now());
    const key = job.id.toLowerCase();
    const runtime = this.runtimes.get(key);
    if (runtime?.jobSeq === job.seq) {
      runtime.clearAll(this.timers);
      this.runtimes.delete(key);
    }
  }

  /** Runs a job's next step after jobTransitionMs, on the job as stored then. */
  private later(job: JobRecord, action: (current: JobRecord) => void): void {
    const { id, seq } = job;
    const runtime = this.runtime(job);
    const handle = this.timers.setTimeout(() => {
      runtime.jobTimers.delete(handle);
      const current = this.currentJob(id, seq);
      if (current) action(current);
    }, this.jobTransitionMs);
    runtime.jobTimers.add(handle);
  }

  // ---- tasks: bookkeeping -------------------------------------------------------------------

  /**
   * Applies a change to a task: counts out, change, state (with previous state) and a new
   * version, counts in, in-flight and watchdog bookkeeping, and the save.
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
      runtime.inFlight.set(task.seq, task.id);
    } else {
      runtime.inFlight.delete(task.seq);
      runtime.clearTaskTimer(task.seq, this.timers);
    }
    this.store.updateTask(job.id, task);
  }

  handleOf(job: JobRecord, task: TaskRecord): TaskHandle {
    return {
      jobId: job.id,
      taskId: task.id,
      seq: task.seq,
      commandLine: task.spec.commandLine,
      requiredSlots: requiredSlotsOf(task),
      numberOfInstances: instanceCountOf(task),
      maxParallelTasks: job.spec.maxParallelTasks ?? -1,
    };
  }

  isRunnable(job: JobRecord, task: TaskRecord): boolean {
    return task.state === "active" && task.dependencyCursor < 0 && job.state === "active";
  }

  private notifyIfRunnable(job: JobRecord, task: TaskRecord): void {
    if (this.isRunnable(job, task)) this.executor.taskRunnable(this.handleOf(job, task));
  }

  private isSatisfied(job: JobRecord, parentId: string): boolean {
    const parent = this.store.getTask(job.id, parentId);
    return (
      parent !== undefined &&
      parent.state === "completed" &&
      dependencyActionFor(parent) === "satisfy"
    );
  }

  /** Moves a dependent past its satisfied parents (saving its place); true when it may run. */
  private advanceDependencies(job: JobRecord, task: TaskRecord): boolean {
    if (task.dependencyCursor < 0) return true;
    const before = task.dependencyCursor;
    const ready = this.runtime(job).dependencies.advance(task, (id) => this.isSatisfied(job, id));
    if (task.dependencyCursor !== before) this.store.updateTask(job.id, task);
    return ready;
  }

  taskAdded(job: JobRecord, task: TaskRecord): void {
    this.runtime(job).counts.add(task);
    this.advanceDependencies(job, task);
    this.notifyIfRunnable(job, task);
  }

  taskRemoved(job: JobRecord, task: TaskRecord): void {
    const runtime = this.runtime(job);
    const wasInFlight = runtime.inFlight.delete(task.seq);
    runtime.clearTaskTimer(task.seq, this.timers);
    runtime.counts.remove(task);
    runtime.dependencies.forget(task);
    this.store.deleteTask(job.id, task.id);
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

  private newSubtasks(task: TaskRecord, now: number, firstNode: number): SubtaskRecord[] {
    return Array.from({ length: instanceCountOf(task) }, (_, i) =>
      newSubtaskRecord(i, now, firstNode + i),
    );
  }

  /** active → preparing on a node. */
  prepare(job: JobRecord, task: TaskRecord, node = 0): void {
    this.requireRunnable(job, task);
    const now = this.now();
    this.transition(job, task, "preparing", () => {
      task.run = newRunRecord(node);
      if (instanceCountOf(task) > 0) task.subtasks = this.newSubtasks(task, now, node);
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
        task.run = newRunRecord(node ?? 0);
        if (instanceCountOf(task) > 0) task.subtasks = this.newSubtasks(task, now, node ?? 0);
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
    this.transition(job, task, task.state, () => this.endSubtask(subtask, outcome, this.now()));
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
        failed.failureInfo.code !== FAILURE_EXIT_CODE.code && {
          failureInfo: failed.failureInfo,
        }),
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
      job.taskRetries += 1;
      this.store.updateJob(job);
      this.notifyIfRunnable(job, task);
      return;
    }
    const failureInfo = outcome.failureInfo ?? (nonzero ? FAILURE_EXIT_CODE : undefined);
    this.transition(job, task, "completed", () => {
      const run = task.run ?? newRunRecord(0);
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
    const wasInFlight = this.runtime(job).inFlight.has(task.seq);
    const now = this.now();
    this.transition(job, task, "completed", () => {
      for (const subtask of task.subtasks ?? []) {
        if (subtask.state !== "completed") this.endSubtask(subtask, { failureInfo }, now);
      }
      const run = task.run ?? newRunRecord(0);
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

  /**
   * preparing or running → active, as when the service takes a task off its node (the job is
   * disabled with requeue, or a restart lost it): requeueCount + 1, lastRequeueTime set, no
   * run information.
   */
  requeue(job: JobRecord, task: TaskRecord): void {
    const wasInFlight = this.runtime(job).inFlight.has(task.seq);
    this.transition(job, task, "active", () => {
      task.requeueCount += 1;
      task.lastRequeueTime = this.now();
      task.run = undefined;
      task.subtasks = undefined;
    });
    if (wasInFlight) this.executor.taskStopped(this.handleOf(job, task));
    this.notifyIfRunnable(job, task);
  }

  updateConstraints(
    job: JobRecord,
    task: TaskRecord,
    constraints: TaskConstraints | undefined,
  ): void {
    this.transition(job, task, task.state, () => {
      task.constraints = constraints;
      task.maxRetries = constraints?.maxTaskRetryCount ?? jobMaxTaskRetryCount(job);
      task.lastModified = this.now();
    });
    if (task.state === "running") this.armWallClock(job, task);
  }

  private afterCompletion(job: JobRecord, task: TaskRecord): void {
    const runtime = this.runtime(job);
    for (const { seq, id } of runtime.dependencies.waitingOn(task.id)) {
      const dependent = this.currentTask(job, id, seq);
      if (dependent && this.advanceDependencies(job, dependent)) {
        this.notifyIfRunnable(job, dependent);
      }
    }
    if (job.state !== "active") return;
    if (onTaskFailureOf(job) === "performexitoptionsjobaction") {
      const action = jobActionFor(task);
      if (action === "terminate") {
        this.terminateJob(job, "TaskFailed");
        return;
      }
      if (action === "disable") {
        this.disableJob(job);
        return;
      }
    }
    this.checkAllTasksComplete(job);
  }

  private checkAllTasksComplete(job: JobRecord): void {
    if (job.state !== "active" || onAllTasksCompleteOf(job) !== "terminatejob") return;
    if (this.runtime(job).counts.pending === 0) this.terminateJob(job, "AllTasksComplete");
  }

  // ---- watchdogs ----------------------------------------------------------------------------

  private armWallClock(job: JobRecord, task: TaskRecord): void {
    const runtime = this.runtime(job);
    runtime.clearTaskTimer(task.seq, this.timers);
    const limit = task.constraints?.maxWallClockTime;
    const ms = limit === undefined ? undefined : parseDuration(limit);
    const startTime = task.run?.startTime;
    if (ms === undefined || ms >= NO_LIMIT_MS || startTime === undefined) return;
    const deadline = startTime + ms;
    const { id: jobId, seq: jobSeq } = job;
    const { id: taskId, seq } = task;
    const fire = () => {
      runtime.wallClock.delete(seq);
      const currentJob = this.currentJob(jobId, jobSeq);
      const current = currentJob ? this.currentTask(currentJob, taskId, seq) : undefined;
      if (!currentJob || current?.state !== "running" || current.run?.startTime !== startTime) {
        return;
      }
      const remaining = deadline - this.now();
      if (remaining > 0) {
        schedule(remaining);
        return;
      }
      this.endTask(currentJob, current, MAX_WALL_CLOCK_TIME_EXCEEDED);
    };
    const schedule = (delay: number) => {
      const handle = this.timers.setTimeout(fire, Math.min(Math.max(delay, 0), MAX_TIMER_MS));
      unrefTimer(handle);
      runtime.wallClock.set(seq, handle);
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

  // ---- starting on a store that already holds jobs ------------------------------------------

  /**
   * Rebuilds what the engine derives from the records when the service starts on a store
   * that already holds jobs: versions, task counts, dependency waits, watchdogs and the job
   * transitions under way. Tasks left preparing or running have nobody running them any more:
   * they are requeued, as when the service takes a task off its node.
   */
  recover(): void {
    const jobs = [...this.store.listJobs(0)];
    const found = jobs.map((job) => {
      this.versions.observe(job.version);
      this.jobListChanged(job.version, Math.max(job.stateTime, job.lastModified));
      const runtime = this.runtime(job);
      const tasks = [...this.store.listTasks(job.id, 0)];
      for (const task of tasks) {
        this.versions.observe(task.version);
        runtime.counts.add(task);
      }
      return { job, tasks };
    });
    for (const { job, tasks } of found) {
      for (const task of tasks) {
        if (isInFlight(task.state)) this.requeue(job, task);
        else if (this.advanceDependencies(job, task)) this.notifyIfRunnable(job, task);
      }
      this.resumeJob(job);
    }
  }

  private resumeJob(job: JobRecord): void {
    switch (job.state) {
      case "active":
        this.armJobDeadline(job);
        this.checkAllTasksComplete(job);
        return;
      case "terminating":
        this.later(job, (current) => this.completeTermination(current));
        return;
      case "disabling":
        this.armJobDeadline(job);
        this.later(job, (current) => this.completeDisable(current));
        return;
      case "disabled":
        this.armJobDeadline(job);
        return;
      case "deleting":
        this.later(job, (current) => this.removeJob(current));
        return;
      default:
        return;
    }
  }

  // ---- executor -----------------------------------------------------------------------------

  /** The executor's view of the service; calls on tasks that moved on are ignored (false). */
  host(): ExecutorHost {
    const resolve = (handle: TaskHandle) => {
      const job = this.store.getJob(handle.jobId);
      const task = job ? this.store.getTask(job.id, handle.taskId) : undefined;
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
    for (const job of this.store.listJobs(0)) {
      if (job.state !== "active") continue;
      for (const task of this.store.listTasks(job.id, 0)) {
        if (this.isRunnable(job, task)) yield this.handleOf(job, task);
      }
    }
  }

  dispose(): void {
    for (const runtime of this.runtimes.values()) runtime.clearAll(this.timers);
    this.executor.dispose();
  }
}
