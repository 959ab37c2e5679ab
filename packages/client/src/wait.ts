// waitFor: polls a job's tasks with a light $select until every (matching) task has completed,
// and reports counts by state and by result on every poll.
import type { CloudTask } from "@batch/types";
import { abortedError, BatchError } from "./errors.js";
import type { TaskListOptions } from "./operations/tasks.js";
import type { PagedAsyncIterable } from "./pagination.js";
import { abortableSleep, type Sleep } from "./sleep.js";

export interface WaitForOptions {
  /** OData `$filter` choosing the tasks to wait for, e.g. "startswith(id,'render-')". */
  filter?: string;
  /** Time between polls (default 5 s). */
  pollIntervalMs?: number;
  /** Give up after this long: the promise rejects with a BatchError of kind "timeout". */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with the counts after every poll. */
  onProgress?: (summary: TaskStateSummary) => void;
  sleep?: Sleep;
  /** Milliseconds clock for `timeoutMs`. */
  now?: () => number;
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

export async function waitForTasks(
  list: (options: TaskListOptions) => PagedAsyncIterable<CloudTask>,
  options: WaitForOptions = {},
): Promise<TaskStateSummary> {
  const pollIntervalMs = options.pollIntervalMs ?? 5000;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const { signal } = options;
  const started = now();
  for (let polls = 1; ; polls++) {
    const summary = emptySummary(polls);
    const listOptions: TaskListOptions = { select: waitSelect };
    if (options.filter !== undefined) listOptions.filter = options.filter;
    if (signal !== undefined) listOptions.signal = signal;
    for await (const task of list(listOptions)) count(summary, task);
    options.onProgress?.(summary);
    if (summary.active + summary.preparing + summary.running === 0) return summary;
    const elapsed = now() - started;
    if (options.timeoutMs !== undefined && elapsed + pollIntervalMs > options.timeoutMs) {
      throw new BatchError({
        kind: "timeout",
        code: "WaitTimedOut",
        message: `tasks still not complete after ${elapsed} ms (${summary.completed} of ${summary.total} completed)`,
        operation: "Task_List",
      });
    }
    try {
      await sleep(pollIntervalMs, signal);
    } catch (reason) {
      throw abortedError({ operation: "Task_List" }, signal?.reason ?? reason);
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
