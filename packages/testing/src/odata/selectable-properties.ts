// The top-level property names $select accepts for tasks, jobs and subtasks. The compiler
// checks each list against the generated wire types, so a property added to the spec cannot
// be forgotten here.

import type { CloudJob, CloudTask, SubtaskInformation } from "@batch/types";

type PropertyOf<T> = Exclude<keyof T, `odata.${string}`> & string;

/**
 * Returns the list unchanged, but only compiles when it names every property of T: a missing
 * name shows up in the error as the `missing` member.
 */
function everyPropertyOf<T>() {
  return <const L extends readonly PropertyOf<T>[]>(
    list: L &
      ([Exclude<PropertyOf<T>, L[number]>] extends [never]
        ? unknown
        : { missing: Exclude<PropertyOf<T>, L[number]> }),
  ): readonly PropertyOf<T>[] => list;
}

export const taskSelectableProperties: readonly PropertyOf<CloudTask>[] =
  everyPropertyOf<CloudTask>()([
    "id",
    "displayName",
    "url",
    "eTag",
    "lastModified",
    "creationTime",
    "exitConditions",
    "state",
    "stateTransitionTime",
    "previousState",
    "previousStateTransitionTime",
    "commandLine",
    "containerSettings",
    "resourceFiles",
    "outputFiles",
    "environmentSettings",
    "affinityInfo",
    "constraints",
    "requiredSlots",
    "userIdentity",
    "executionInfo",
    "nodeInfo",
    "multiInstanceSettings",
    "stats",
    "dependsOn",
    "applicationPackageReferences",
    "authenticationTokenSettings",
  ]);

export const jobSelectableProperties: readonly PropertyOf<CloudJob>[] = everyPropertyOf<CloudJob>()(
  [
    "id",
    "displayName",
    "usesTaskDependencies",
    "url",
    "eTag",
    "lastModified",
    "creationTime",
    "state",
    "stateTransitionTime",
    "previousState",
    "previousStateTransitionTime",
    "priority",
    "allowTaskPreemption",
    "maxParallelTasks",
    "constraints",
    "poolInfo",
    "onAllTasksComplete",
    "onTaskFailure",
    "metadata",
    "executionInfo",
  ],
);

export const subtaskSelectableProperties: readonly PropertyOf<SubtaskInformation>[] =
  everyPropertyOf<SubtaskInformation>()([
    "id",
    "nodeInfo",
    "startTime",
    "endTime",
    "exitCode",
    "containerInfo",
    "failureInfo",
    "state",
    "stateTransitionTime",
    "previousState",
    "previousStateTransitionTime",
    "result",
  ]);
