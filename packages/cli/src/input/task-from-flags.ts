// Builds a TaskAddParameter from `task add` flags, in the forms az accepts: environment
// settings as NAME=value, resource files as path=url, application packages as id[#version],
// dependencies as task ids and ranges such as 1-10.
import type { TaskAddParameter } from "@batch/types";
import { usageError } from "../errors/cli-error.js";
import { isoDuration } from "./duration.js";
import { parseKeyValue } from "./key-values.js";

export interface TaskFlags {
  taskId?: string | undefined;
  commandLine?: string | undefined;
  displayName?: string | undefined;
  maxWallClockTime?: string | undefined;
  retentionTime?: string | undefined;
  maxTaskRetryCount?: number | undefined;
  requiredSlots?: number | undefined;
  environmentSettings?: string[] | undefined;
  resourceFiles?: string[] | undefined;
  dependsOn?: string[] | undefined;
  affinityId?: string | undefined;
  applicationPackageReferences?: string[] | undefined;
  runElevated?: boolean | undefined;
}

/** The names of the flags that describe a task, which --json-file replaces. */
export const taskFieldFlags = [
  "command-line",
  "display-name",
  "max-wall-clock-time",
  "retention-time",
  "max-task-retry-count",
  "required-slots",
  "environment-settings",
  "resource-files",
  "depends-on",
  "affinity-id",
  "application-package-references",
  "run-elevated",
] as const;

function dependencies(values: string[]): NonNullable<TaskAddParameter["dependsOn"]> {
  const taskIds: string[] = [];
  const taskIdRanges: { start: number; end: number }[] = [];
  for (const value of values) {
    const range = /^(\d+)-(\d+)$/.exec(value);
    if (range !== null) {
      const start = Number(range[1]);
      const end = Number(range[2]);
      if (start > end)
        throw usageError(`--depends-on range ${value} ends before it starts`, "InvalidInput");
      taskIdRanges.push({ start, end });
    } else {
      taskIds.push(value);
    }
  }
  return {
    ...(taskIds.length > 0 ? { taskIds } : {}),
    ...(taskIdRanges.length > 0 ? { taskIdRanges } : {}),
  };
}

export function constraintsFromFlags(flags: {
  maxWallClockTime?: string | undefined;
  retentionTime?: string | undefined;
  maxTaskRetryCount?: number | undefined;
}): NonNullable<TaskAddParameter["constraints"]> | undefined {
  const constraints = {
    ...(flags.maxWallClockTime === undefined
      ? {}
      : { maxWallClockTime: isoDuration(flags.maxWallClockTime, "--max-wall-clock-time") }),
    ...(flags.retentionTime === undefined
      ? {}
      : { retentionTime: isoDuration(flags.retentionTime, "--retention-time") }),
    ...(flags.maxTaskRetryCount === undefined
      ? {}
      : { maxTaskRetryCount: flags.maxTaskRetryCount }),
  };
  return Object.keys(constraints).length === 0 ? undefined : constraints;
}

export function taskFromFlags(flags: TaskFlags): TaskAddParameter {
  if (flags.taskId === undefined || flags.taskId === "") {
    throw usageError(
      "--task-id is required (or give the whole task with --json-file)",
      "MissingRequiredProperty",
    );
  }
  if (flags.commandLine === undefined || flags.commandLine === "") {
    throw usageError(
      "--command-line is required (or give the whole task with --json-file)",
      "MissingRequiredProperty",
    );
  }
  const constraints = constraintsFromFlags(flags);
  return {
    id: flags.taskId,
    commandLine: flags.commandLine,
    ...(flags.displayName === undefined ? {} : { displayName: flags.displayName }),
    ...(constraints === undefined ? {} : { constraints }),
    ...(flags.requiredSlots === undefined ? {} : { requiredSlots: flags.requiredSlots }),
    ...(flags.environmentSettings === undefined
      ? {}
      : {
          environmentSettings: flags.environmentSettings.map((pair) => {
            const [name, value] = parseKeyValue(pair, "--environment-settings");
            return { name, value };
          }),
        }),
    ...(flags.resourceFiles === undefined
      ? {}
      : {
          resourceFiles: flags.resourceFiles.map((pair) => {
            const [filePath, httpUrl] = parseKeyValue(pair, "--resource-files");
            return { filePath, httpUrl };
          }),
        }),
    ...(flags.dependsOn === undefined ? {} : { dependsOn: dependencies(flags.dependsOn) }),
    ...(flags.affinityId === undefined ? {} : { affinityInfo: { affinityId: flags.affinityId } }),
    ...(flags.applicationPackageReferences === undefined
      ? {}
      : {
          applicationPackageReferences: flags.applicationPackageReferences.map((reference) => {
            const [applicationId, version] = reference.split("#", 2);
            return { applicationId: applicationId ?? reference, ...(version ? { version } : {}) };
          }),
        }),
    ...(flags.runElevated
      ? { userIdentity: { autoUser: { elevationLevel: "admin" as const } } }
      : {}),
  };
}
