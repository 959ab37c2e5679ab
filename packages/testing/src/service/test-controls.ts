// Test controls of the service: move a task through its lifecycle by hand, as the manual
// executor leaves it to tests (and as demos may want to). They obey the same rules as a real
// scheduler: a task waiting on dependencies, or in a job that is not active, cannot start.

import type { TaskOutcome } from "../executors/executor.js";
import type { FailureInfo } from "../store/records.js";
import { requireJob, requireTask, type ServiceState } from "./service-state.js";

export interface StartOptions {
  /** Which pretend node runs it (0 by default); shows in nodeInfo. */
  node?: number;
}

export function testControls(state: ServiceState) {
  const { engine } = state;
  const find = (jobId: string, taskId: string) => {
    const job = requireJob(state, jobId);
    return { job, task: requireTask(state, job, taskId) };
  };

  return {
    /** active → preparing. */
    prepareTask(jobId: string, taskId: string, options?: StartOptions): void {
      const { job, task } = find(jobId, taskId);
      engine.prepare(job, task, options?.node);
    },

    /** active or preparing → running. */
    startTask(jobId: string, taskId: string, options?: StartOptions): void {
      const { job, task } = find(jobId, taskId);
      engine.start(job, task, options?.node);
    },

    /**
     * Ends the current run with an exit code (starting it first if it is still active or
     * preparing). A nonzero exit code with retries left sends the task back to active.
     */
    completeTask(jobId: string, taskId: string, outcome: TaskOutcome): void {
      const { job, task } = find(jobId, taskId);
      engine.complete(job, task, outcome);
    },

    /** Ends one subtask of a multi-instance task; the task completes with its last subtask. */
    completeSubtask(jobId: string, taskId: string, subtaskId: number, outcome: TaskOutcome): void {
      const { job, task } = find(jobId, taskId);
      engine.completeSubtask(job, task, subtaskId, outcome);
    },

    /**
     * Fails the task without an exit code, as when its resource files cannot be downloaded:
     * completed with the given failureInfo, and never retried.
     */
    failTask(jobId: string, taskId: string, failureInfo: FailureInfo): void {
      const { job, task } = find(jobId, taskId);
      engine.complete(job, task, { failureInfo });
    },
  };
}

export type TestControls = ReturnType<typeof testControls>;
