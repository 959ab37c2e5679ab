// waitFor: polls a job's tasks with a light $select until every (matching) task has completed,
// and reports counts by state and by result on every poll. Its deadline (`timeoutMs`) is
// exact: the wait between polls is cut short to end at the deadline, a last poll is made
// there, and a poll still under way when the deadline passes is stopped.
import type { CloudTask } from "@batch/types";
import { abortedError, BatchError } from "./errors.js";
import { numberOption } from "./number-option.js";
import type { TaskListOptions } from "./operations/tasks.js";
import type { PagedAsyncIterable } from "./pagination.js";
import { abortableSleep, type Sleep } from "./sleep.js";
import { startDeadline, systemTimers, type Timers } from "./timers.js";

export interface WaitForOptions {
  /** OData `$filter` choosing the tasks to wait for, e.g. "startswith(id,'render-')". */
  filter?: string;
  /** Time between polls (default 5 s). */
  pollIntervalMs?: number;
  /**
   * Give up after this long: the promise rejects with a BatchError of kind "timeout" (code
   * WaitTimedOut). The last poll is made at the deadline; a poll under way then is stopped.
   */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with the counts after every poll. */
  onProgress?: (summary: TaskStateSummary) => void;
  /** The wait between polls (tests pass their own). */
  sleep?: Sleep;
  /** Milliseconds clock for `timeoutMs`. */
  now?: () => number;
  /** Timers that stop a poll still under way at the deadline. */
  timers?: Timers;
}

export interface TaskStateSummary {
  total: number;
  active: number;
  preparing: number;
  running: number;
  completed: number;
  /** Completed with result "success". */
  succeeded: number;
  /** Completed with result "failure" (a nonzero exit code, or a task that could not run). */
  failed: number;
  failedTaskIds: string[];
  /** Number of polls made so far. */
  polls: number;
}

/** The properties each poll asks for: enough to count, nothing more. */
export const waitSelect = "id,state,executionInfo";

const operation = "Task_List";

export async function waitForTasks(
  list: (options: TaskListOptions) => PagedAsyncIterable<CloudTask>,
  options: WaitForOptions = {},
): Promise<TaskStateSummary> {
  const pollIntervalMs = numberOption(options, "pollIntervalMs", 5000);
  const timeoutMs = numberOption(options, "timeoutMs", Infinity);
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const timers = options.timers ?? systemTimers;
  const { signal } = options;
  const started = now();
  const deadline = timeoutMs === Infinity ? undefined : started + timeoutMs;
  let last: TaskStateSummary | undefined;

  const timedOut = () => {
    const elapsed = now() - started;
    const counts =
      last === undefined ? "no poll finished" : `${last.completed} of ${last.total} completed`;
    return new BatchError({
      kind: "timeout",
      code: "WaitTimedOut",
      message: `tasks still not complete after ${elapsed} ms (${counts})`,
      operation,
    });
  };

  /** One poll, stopped by the caller's signal or, at the deadline, by its own. */
  async function poll(polls: number): Promise<TaskStateSummary> {
    const summary = emptySummary(polls);
    const bound =
      deadline === undefined
        ? undefined
        : startDeadline(signal, Math.max(0, deadline - now()), timers, timedOut);
    try {
      const listOptions = { select: waitSelect, filter: options.filter };
      for await (const task of list({ ...listOptions, signal: bound?.signal ?? signal })) {
        count(summary, task);
      }
      return summary;
    } catch (error) {
      throw bound?.expired && !signal?.aborted ? bound.signal.reason : error;
    } finally {
      bound?.release();
    }
  }

  for (let polls = 1; ; polls++) {
    const summary = await poll(polls);
    last = summary;
    options.onProgress?.(summary);
    if (summary.active + summary.preparing + summary.running === 0) return summary;
    let wait = pollIntervalMs;
    if (deadline !== undefined) {
      const remaining = deadline - now();
      if (remaining <= 0) throw timedOut();
      // Wake at the deadline at the latest, for one last poll there.
      wait = Math.min(wait, remaining);
    }
    try {
      await sleep(wait, signal);
    } catch (reason) {
      throw abortedError({ operation }, signal?.reason ?? reason);
    }
  }
}

function emptySummary(polls: number): TaskStateSummary {
  return {
    total: 0,
    active: 0,
    preparing: 0,
    running: 0,
    completed: 0,
    succeeded: 0,
    failed: 0,
    failedTaskIds: [],
    polls,
  };
}

function count(summary: TaskStateSummary, task: CloudTask): void {
  summary.total++;
  // Older service versions sent enum values in other letter cases.
  const state = task.state?.toLowerCase();
  if (state === "active" || state === "preparing" || state === "running") {
    summary[state]++;
    return;
  }
  if (state !== "completed") {
    summary.active++;
    return;
  }
  summary.completed++;
  const info = task.executionInfo;
  const result = info?.result?.toLowerCase();
  const succeeded = result === undefined ? info?.exitCode === 0 : result === "success";
  if (succeeded) summary.succeeded++;
  else {
    summary.failed++;
    if (task.id !== undefined) summary.failedTaskIds.push(task.id);
  }
}
