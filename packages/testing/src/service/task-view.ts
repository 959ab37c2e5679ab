// Builds the wire JSON of a task (CloudTask), its filter view and its subtasks
// (SubtaskInformation) from the stored record, filling the defaults the service reports:
// constraints, requiredSlots, user identity and instance count.

import type {
  CloudTask,
  SubtaskInformation,
  TaskExecutionInformation,
  TaskStatistics,
} from "@batch/types";
import type { TaskView } from "../odata/filter-fields.js";
import type { JobRecord, SubtaskRecord, TaskRecord } from "../store/records.js";
import { DEFAULT_RETENTION, formatDuration, UNLIMITED_DURATION } from "./durations.js";
import { formatEtag, formatIsoTime } from "./etag.js";
import { buildNodeInfo } from "./node-info.js";
import { instanceCountOf, jobPath, poolIdOf, requiredSlotsOf } from "./spec-defaults.js";

export interface ViewContext {
  baseUrl: string;
  now: number;
  stats?: boolean;
}

export function taskUrl(baseUrl: string, job: JobRecord, taskId: string): string {
  return `${baseUrl}${jobPath(job)}/tasks/${encodeURIComponent(taskId)}`;
}

function executionInfo(task: TaskRecord): TaskExecutionInformation {
  const run = task.run;
  // Field order as the service writes it: times, exit code, failure, counts, result.
  return {
    ...(run?.startTime !== undefined && { startTime: formatIsoTime(run.startTime) }),
    ...(run?.endTime !== undefined && { endTime: formatIsoTime(run.endTime) }),
    ...(run?.exitCode !== undefined && { exitCode: run.exitCode }),
    ...(run?.failureInfo !== undefined && { failureInfo: run.failureInfo }),
    retryCount: task.retryCount,
    ...(task.lastRetryTime !== undefined && { lastRetryTime: formatIsoTime(task.lastRetryTime) }),
    requeueCount: task.requeueCount,
    ...(task.lastRequeueTime !== undefined && {
      lastRequeueTime: formatIsoTime(task.lastRequeueTime),
    }),
    ...(run?.result !== undefined && { result: run.result }),
  };
}

function statistics(url: string, task: TaskRecord, now: number): TaskStatistics {
  const start = task.run?.startTime;
  const end = task.run?.endTime ?? now;
  return {
    url: `${url}/stats`,
    startTime: formatIsoTime(task.creationTime),
    lastUpdateTime: formatIsoTime(now),
    userCPUTime: "PT0S",
    kernelCPUTime: "PT0S",
    wallClockTime: formatDuration(start === undefined ? 0 : end - start),
    readIOps: 0,
    writeIOps: 0,
    readIOGiB: 0,
    writeIOGiB: 0,
    waitTime: formatDuration((start ?? now) - task.creationTime),
  };
}

export function buildCloudTask(job: JobRecord, task: TaskRecord, ctx: ViewContext): CloudTask {
  const spec = task.spec;
  const url = taskUrl(ctx.baseUrl, job, task.id);
  const cloud: CloudTask = {
    id: task.id,
    ...(spec.displayName !== undefined && { displayName: spec.displayName }),
    url,
    eTag: formatEtag(task.version),
    creationTime: formatIsoTime(task.creationTime),
    lastModified: formatIsoTime(task.lastModified),
    state: task.state,
    stateTransitionTime: formatIsoTime(task.stateTime),
    ...(task.previousState !== undefined && {
      previousState: task.previousState,
      previousStateTransitionTime: formatIsoTime(task.previousStateTime!),
    }),
    commandLine: spec.commandLine,
    ...(spec.containerSettings !== undefined && { containerSettings: spec.containerSettings }),
    ...(spec.resourceFiles !== undefined && { resourceFiles: spec.resourceFiles }),
    ...(spec.outputFiles !== undefined && { outputFiles: spec.outputFiles }),
    ...(spec.environmentSettings !== undefined && {
      environmentSettings: spec.environmentSettings,
    }),
    ...(spec.affinityInfo !== undefined && { affinityInfo: spec.affinityInfo }),
    ...(spec.exitConditions !== undefined && { exitConditions: spec.exitConditions }),
    userIdentity: spec.userIdentity ?? { autoUser: { scope: "pool", elevationLevel: "nonadmin" } },
    ...(spec.multiInstanceSettings !== undefined && {
      multiInstanceSettings: {
        numberOfInstances: instanceCountOf(task),
        ...spec.multiInstanceSettings,
      },
    }),
    constraints: {
      maxWallClockTime: task.constraints?.maxWallClockTime ?? UNLIMITED_DURATION,
      retentionTime: task.constraints?.retentionTime ?? DEFAULT_RETENTION,
      maxTaskRetryCount: task.maxRetries,
    },
    requiredSlots: requiredSlotsOf(task),
    executionInfo: executionInfo(task),
    // A task has a node once it is placed on one (preparing) and keeps it after its run.
    ...(task.run !== undefined &&
      (task.run.startTime !== undefined || task.state === "preparing") && {
        nodeInfo: buildNodeInfo(ctx.baseUrl, poolIdOf(job), task.run.node, job.id, task.id),
      }),
    ...(spec.dependsOn !== undefined && { dependsOn: spec.dependsOn }),
    ...(spec.applicationPackageReferences !== undefined && {
      applicationPackageReferences: spec.applicationPackageReferences,
    }),
    ...(spec.authenticationTokenSettings !== undefined && {
      authenticationTokenSettings: spec.authenticationTokenSettings,
    }),
  };
  if (ctx.stats) cloud.stats = statistics(url, task, ctx.now);
  return cloud;
}

/** The few properties $filter reads, without building the whole task. */
export function buildTaskFilterView(task: TaskRecord): TaskView {
  const run = task.run;
  return {
    id: task.id,
    state: task.state,
    creationTime: formatIsoTime(task.creationTime),
    stateTransitionTime: formatIsoTime(task.stateTime),
    lastModified: formatIsoTime(task.lastModified),
    executionInfo: {
      ...(run?.startTime !== undefined && { startTime: formatIsoTime(run.startTime) }),
      ...(run?.endTime !== undefined && { endTime: formatIsoTime(run.endTime) }),
      ...(run?.exitCode !== undefined && { exitCode: run.exitCode }),
      ...(run?.result !== undefined && { result: run.result }),
    },
  };
}

export function buildSubtask(
  job: JobRecord,
  task: TaskRecord,
  subtask: SubtaskRecord,
  baseUrl: string,
): SubtaskInformation {
  return {
    id: subtask.id,
    nodeInfo: buildNodeInfo(baseUrl, poolIdOf(job), subtask.node, job.id, task.id, subtask.id),
    ...(subtask.startTime !== undefined && { startTime: formatIsoTime(subtask.startTime) }),
    ...(subtask.endTime !== undefined && { endTime: formatIsoTime(subtask.endTime) }),
    ...(subtask.exitCode !== undefined && { exitCode: subtask.exitCode }),
    ...(subtask.failureInfo !== undefined && { failureInfo: subtask.failureInfo }),
    state: subtask.state,
    stateTransitionTime: formatIsoTime(subtask.stateTime),
    ...(subtask.previousState !== undefined && {
      previousState: subtask.previousState,
      previousStateTransitionTime: formatIsoTime(subtask.previousStateTime!),
    }),
    ...(subtask.result !== undefined && { result: subtask.result }),
  };
}
