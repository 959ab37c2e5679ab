// The parts of a service instance its operations share, and the lookups and checks every
// operation starts with (job and task by id, job state, base URL).

import type { BatchStore } from "../store/batch-store.js";
import type { JobRecord, TaskRecord } from "../store/records.js";
import type { Clock } from "./clock.js";
import type { Engine } from "./engine.js";
import { jobNotFound, jobStateConflict, taskNotFound } from "./error-catalog.js";

export interface ServiceLimits {
  /** Most tasks one Task_AddCollection may carry (the service allows 100). */
  maxTasksPerCollection: number;
  /** Request bodies of this many bytes or more are refused with 413 RequestBodyTooLarge. */
  maxRequestBodyBytes: number;
  /** Largest (and default) page of a list. */
  maxPageSize: number;
}

export const DEFAULT_LIMITS: ServiceLimits = {
  maxTasksPerCollection: 100,
  maxRequestBodyBytes: 1024 * 1024,
  maxPageSize: 1000,
};

/** Per-call context: the account URL resources are reported under (the request's origin). */
export interface CallOptions {
  baseUrl?: string | undefined;
}

export interface ServiceState {
  readonly store: BatchStore;
  readonly engine: Engine;
  readonly clock: Clock;
  readonly limits: ServiceLimits;
  readonly baseUrl: string;
}

export function baseUrlOf(state: ServiceState, options: CallOptions | undefined): string {
  return (options?.baseUrl ?? state.baseUrl).replace(/\/+$/, "");
}

export function requireJob(state: ServiceState, jobId: string): JobRecord {
  const job = state.store.getJob(jobId);
  if (!job) throw jobNotFound();
  return job;
}

export function requireTask(state: ServiceState, job: JobRecord, taskId: string): TaskRecord {
  const task = state.store.getTask(job, taskId);
  if (!task) throw taskNotFound();
  return task;
}

/** Tasks of a completed, terminating or deleting job cannot change. */
export function requireChangeableJob(job: JobRecord): void {
  const conflict = jobStateConflict(job.state);
  if (conflict) throw conflict;
}
