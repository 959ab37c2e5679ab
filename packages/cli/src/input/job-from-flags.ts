// Builds a JobAddParameter from `job create` flags.
import type { JobAddParameter } from "@batch/types";
import { usageError } from "../errors/cli-error.js";
import { isoDuration } from "./duration.js";

export interface JobFlags {
  id?: string | undefined;
  poolId?: string | undefined;
  displayName?: string | undefined;
  priority?: number | undefined;
  maxWallClockTime?: string | undefined;
  maxTaskRetryCount?: number | undefined;
  usesTaskDependencies?: boolean | undefined;
  onAllTasksComplete?: "noaction" | "terminatejob" | undefined;
  onTaskFailure?: "noaction" | "performexitoptionsjobaction" | undefined;
}

export const jobFieldFlags = [
  "pool-id",
  "display-name",
  "priority",
  "max-wall-clock-time",
  "max-task-retry-count",
  "uses-task-dependencies",
  "on-all-tasks-complete",
  "on-task-failure",
] as const;

export function jobFromFlags(flags: JobFlags): JobAddParameter {
  if (flags.id === undefined || flags.id === "") {
    throw usageError(
      "--id is required (or give the whole job with --json-file)",
      "MissingRequiredProperty",
    );
  }
  if (flags.poolId === undefined || flags.poolId === "") {
    throw usageError(
      "--pool-id is required (or give the whole job with --json-file)",
      "MissingRequiredProperty",
    );
  }
  const constraints = {
    ...(flags.maxWallClockTime === undefined
      ? {}
      : { maxWallClockTime: isoDuration(flags.maxWallClockTime, "--max-wall-clock-time") }),
    ...(flags.maxTaskRetryCount === undefined
      ? {}
      : { maxTaskRetryCount: flags.maxTaskRetryCount }),
  };
  return {
    id: flags.id,
    poolInfo: { poolId: flags.poolId },
    ...(flags.displayName === undefined ? {} : { displayName: flags.displayName }),
    ...(flags.priority === undefined ? {} : { priority: flags.priority }),
    ...(Object.keys(constraints).length === 0 ? {} : { constraints }),
    ...(flags.usesTaskDependencies === undefined
      ? {}
      : { usesTaskDependencies: flags.usesTaskDependencies }),
    ...(flags.onAllTasksComplete === undefined
      ? {}
      : { onAllTasksComplete: flags.onAllTasksComplete }),
    ...(flags.onTaskFailure === undefined ? {} : { onTaskFailure: flags.onTaskFailure }),
  };
}
