// The settings of a job or task with the defaults the service applies where the spec leaves
// them out: one slot, one instance of a multi-instance task, no task dependencies, no job
// actions, no task retries.

import type { JobRecord, TaskRecord } from "../store/records.js";

export function requiredSlotsOf(task: TaskRecord): number {
  return task.spec.requiredSlots ?? 1;
}

/** Subtasks of a multi-instance task; 0 for an ordinary task. */
export function instanceCountOf(task: TaskRecord): number {
  const settings = task.spec.multiInstanceSettings;
  return settings ? (settings.numberOfInstances ?? 1) : 0;
}

export function usesTaskDependencies(job: JobRecord): boolean {
  return job.spec.usesTaskDependencies === true;
}

export function onAllTasksCompleteOf(job: JobRecord): "noaction" | "terminatejob" {
  return job.spec.onAllTasksComplete ?? "noaction";
}

export function onTaskFailureOf(job: JobRecord): "noaction" | "performexitoptionsjobaction" {
  return job.spec.onTaskFailure ?? "noaction";
}

export function jobMaxTaskRetryCount(job: JobRecord): number {
  return job.spec.constraints?.maxTaskRetryCount ?? 0;
}

export function poolIdOf(job: JobRecord): string {
  return job.spec.poolInfo.poolId;
}

/** The job's path in URLs, e.g. `/jobs/my%20job`. */
export function jobPath(job: JobRecord): string {
  return `/jobs/${encodeURIComponent(job.id)}`;
}
