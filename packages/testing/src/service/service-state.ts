// The parts of a service instance its operations share, and the lookups and checks every
// operation starts with (job and task by id, job state, base URL).

import type { BatchStore } from "../store/batch-store.js";
import type { JobRecord, TaskRecord } from "../store/records.js";
import type { Clock } from "./clock.js";
import type { Engine } from "./engine.js";
import { jobNotFound, jobStateConflict, taskNotFound } from "./error-catalog.js";
import type { CallOptions } from "./operation-types.js";
import type { ServiceLimits } from "./service-limits.js";

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
  const task = state.store.getTask(job.id, taskId);
  if (!task) throw taskNotFound();
  return task;
}

/** Tasks of a completed, terminating or deleting job cannot change. */
export function requireChangeableJob(job: JobRecord): void {
  const conflict = jobStateConflict(job.state);
  if (conflict) throw conflict;
}
