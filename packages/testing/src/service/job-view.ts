// Builds the wire JSON of a job (CloudJob) and its filter view from the stored record, with
// the defaults the service reports (priority 0, no parallel limit, no-action policies).

import type { CloudJob } from "@batch/types";
import type { JobView } from "../odata/filter-fields.js";
import type { JobRecord } from "../store/records.js";
import { formatDuration, UNLIMITED_DURATION } from "./durations.js";
import { formatEtag, formatIsoTime } from "./etag.js";
import {
  jobMaxTaskRetryCount,
  jobPath,
  onAllTasksCompleteOf,
  onTaskFailureOf,
  poolIdOf,
  usesTaskDependencies,
} from "./spec-defaults.js";
import type { TaskCounter } from "./task-counts.js";

export interface JobViewContext {
  baseUrl: string;
  now: number;
  /** The job's task counts, when statistics are asked for. */
  stats?: TaskCounter | undefined;
}

export type CloudJobWithStats = CloudJob & { stats?: Record<string, unknown> };

export function jobUrl(baseUrl: string, job: JobRecord): string {
  return `${baseUrl}${jobPath(job)}`;
}

export function buildCloudJob(job: JobRecord, ctx: JobViewContext): CloudJobWithStats {
  const spec = job.spec;
  const url = jobUrl(ctx.baseUrl, job);
  const cloud: CloudJobWithStats = {
    id: job.id,
    ...(spec.displayName !== undefined && { displayName: spec.displayName }),
    usesTaskDependencies: usesTaskDependencies(job),
    url,
    eTag: formatEtag(job.version),
    lastModified: formatIsoTime(job.lastModified),
    creationTime: formatIsoTime(job.creationTime),
    state: job.state,
    stateTransitionTime: formatIsoTime(job.stateTime),
    ...(job.previousState !== undefined && {
      previousState: job.previousState,
      previousStateTransitionTime: formatIsoTime(job.previousStateTime!),
    }),
    priority: spec.priority ?? 0,
    maxParallelTasks: spec.maxParallelTasks ?? -1,
    allowTaskPreemption: spec.allowTaskPreemption ?? false,
    constraints: {
      maxWallClockTime: spec.constraints?.maxWallClockTime ?? UNLIMITED_DURATION,
      maxTaskRetryCount: jobMaxTaskRetryCount(job),
    },
    ...(spec.commonEnvironmentSettings !== undefined && {
      commonEnvironmentSettings: spec.commonEnvironmentSettings,
    }),
    poolInfo: { poolId: poolIdOf(job) },
    onAllTasksComplete: onAllTasksCompleteOf(job),
    onTaskFailure: onTaskFailureOf(job),
    ...(spec.metadata !== undefined && { metadata: spec.metadata }),
    executionInfo: {
      startTime: formatIsoTime(job.creationTime),
      ...(job.endTime !== undefined && { endTime: formatIsoTime(job.endTime) }),
      poolId: poolIdOf(job),
      ...(job.terminateReason !== undefined && { terminateReason: job.terminateReason }),
    },
  };
  if (ctx.stats) {
    const end = job.endTime ?? ctx.now;
    cloud.stats = {
      url: `${url}/stats`,
      startTime: formatIsoTime(job.creationTime),
      lastUpdateTime: formatIsoTime(ctx.now),
      userCPUTime: "PT0S",
      kernelCPUTime: "PT0S",
      wallClockTime: formatDuration(end - job.creationTime),
      readIOps: 0,
      writeIOps: 0,
      readIOGiB: 0,
      writeIOGiB: 0,
      numSucceededTasks: ctx.stats.succeeded,
      numFailedTasks: ctx.stats.failed,
      numTaskRetries: job.taskRetries,
      waitTime: "PT0S",
    };
  }
  return cloud;
}

export function buildJobFilterView(job: JobRecord): JobView {
  return {
    id: job.id,
    state: job.state,
    creationTime: formatIsoTime(job.creationTime),
    stateTransitionTime: formatIsoTime(job.stateTime),
    lastModified: formatIsoTime(job.lastModified),
    executionInfo: {
      startTime: formatIsoTime(job.creationTime),
      ...(job.endTime !== undefined && { endTime: formatIsoTime(job.endTime) }),
      poolId: poolIdOf(job),
    },
  };
}
