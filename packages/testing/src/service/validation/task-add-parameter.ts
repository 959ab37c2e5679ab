// Validation of TaskAddParameter bodies (Task_Add and each entry of Task_AddCollection) on
// their own, and against the job they are added to.

import type { TaskAddParameter } from "@batch/types";
import {
  invalidPropertyValue,
  taskDependenciesNotSpecifiedOnJob,
  taskDependencyListTooLong,
} from "../error-catalog.js";
import {
  displayNameCheck,
  environmentSetting,
  idCheck,
  identityReference,
  resourceFiles,
  taskConstraints,
} from "./common-schemas.js";
import { arrayOf, bool, int, invalid, object, oneOf, opt, req, str } from "./schema.js";

const exitOptions = object({
  jobAction: opt(oneOf(["none", "disable", "terminate"])),
  dependencyAction: opt(oneOf(["satisfy", "block"])),
});

const exitConditions = object({
  exitCodes: opt(arrayOf(object({ code: req(int()), exitOptions: req(exitOptions) }))),
  exitCodeRanges: opt(
    arrayOf(
      object(
        { start: req(int()), end: req(int()), exitOptions: req(exitOptions) },
        (range, path) => {
          if (range.start > range.end) {
            invalid(
              [...path, "end"],
              range.end,
              "The end of an exit code range must not be before its start.",
            );
          }
        },
      ),
    ),
  ),
  preProcessingError: opt(exitOptions),
  fileUploadError: opt(exitOptions),
  default: opt(exitOptions),
});

const containerSettings = object({
  containerRunOptions: opt(str()),
  imageName: req(str()),
  registry: opt(
    object({
      username: opt(str()),
      password: opt(str()),
      registryServer: opt(str()),
      identityReference: opt(identityReference),
    }),
  ),
  workingDirectory: opt(oneOf(["taskWorkingDirectory", "containerImageDefault"])),
  containerHostBatchBindMounts: opt(
    arrayOf(
      object({
        source: opt(oneOf(["Shared", "Startup", "VfsMounts", "Task", "JobPrep", "Applications"])),
        isReadOnly: opt(bool()),
      }),
    ),
  ),
});

const outputFile = object({
  filePattern: req(str()),
  destination: req(
    object({
      container: opt(
        object({
          path: opt(str()),
          containerUrl: req(str()),
          identityReference: opt(identityReference),
          uploadHeaders: opt(arrayOf(object({ name: req(str()), value: opt(str()) }))),
        }),
      ),
    }),
  ),
  uploadOptions: req(
    object({ uploadCondition: req(oneOf(["tasksuccess", "taskfailure", "taskcompletion"])) }),
  ),
});

const userIdentity = object(
  {
    username: opt(str()),
    autoUser: opt(
      object({
        scope: opt(oneOf(["task", "pool"])),
        elevationLevel: opt(oneOf(["nonadmin", "admin"])),
      }),
    ),
  },
  (identity, path) => {
    if (identity.username !== undefined && identity.autoUser !== undefined) {
      invalid(
        [...path, "autoUser"],
        identity.autoUser,
        "username and autoUser are mutually exclusive.",
      );
    }
  },
);

const multiInstanceSettings = object({
  numberOfInstances: opt(int({ min: 1, reason: "The number of instances must be at least 1." })),
  coordinationCommandLine: req(str()),
  commonResourceFiles: opt(resourceFiles),
});

const MAX_DEPENDENCY_ID_CHARS = 64000;

const dependsOn = object(
  {
    taskIds: opt(arrayOf(str())),
    taskIdRanges: opt(
      arrayOf(
        object({ start: req(int()), end: req(int()) }, (range, path) => {
          if (range.start > range.end) {
            invalid(
              [...path, "end"],
              range.end,
              "The end of a task id range must not be before its start.",
            );
          }
        }),
      ),
    ),
  },
  (deps) => {
    let chars = 0;
    for (const id of deps.taskIds ?? []) chars += id.length;
    if (chars > MAX_DEPENDENCY_ID_CHARS) {
      throw taskDependencyListTooLong(MAX_DEPENDENCY_ID_CHARS);
    }
  },
);

const taskAddParameter = object(
  {
    id: req(idCheck),
    displayName: opt(displayNameCheck),
    commandLine: req(str()),
    containerSettings: opt(containerSettings),
    exitConditions: opt(exitConditions),
    resourceFiles: opt(resourceFiles),
    outputFiles: opt(arrayOf(outputFile)),
    environmentSettings: opt(arrayOf(environmentSetting)),
    affinityInfo: opt(object({ affinityId: req(str()) })),
    constraints: opt(taskConstraints),
    requiredSlots: opt(int({ min: 1, reason: "A task needs at least 1 slot." })),
    userIdentity: opt(userIdentity),
    multiInstanceSettings: opt(multiInstanceSettings),
    dependsOn: opt(dependsOn),
    applicationPackageReferences: opt(
      arrayOf(object({ applicationId: req(str()), version: opt(str()) })),
    ),
    authenticationTokenSettings: opt(object({ access: opt(arrayOf(oneOf(["job"]))) })),
  },
  (task, path) => {
    if (
      task.multiInstanceSettings !== undefined &&
      task.requiredSlots !== undefined &&
      task.requiredSlots !== 1
    ) {
      invalid(
        [...path, "requiredSlots"],
        task.requiredSlots,
        "A multi-instance task must require exactly 1 slot.",
      );
    }
  },
);

/** Checks a TaskAddParameter body and returns the clean copy to store. */
export function validateTaskAddParameter(body: unknown): TaskAddParameter {
  return taskAddParameter(body, []) as TaskAddParameter;
}

/** What the job-dependent checks need to know about the job. */
export interface TaskJobSettings {
  usesTaskDependencies: boolean;
  onTaskFailure: "noaction" | "performexitoptionsjobaction";
}

function* allExitOptions(task: TaskAddParameter) {
  const conditions = task.exitConditions;
  if (!conditions) return;
  for (const mapping of conditions.exitCodes ?? []) yield mapping.exitOptions;
  for (const mapping of conditions.exitCodeRanges ?? []) yield mapping.exitOptions;
  if (conditions.preProcessingError) yield conditions.preProcessingError;
  if (conditions.fileUploadError) yield conditions.fileUploadError;
  if (conditions.default) yield conditions.default;
}

/** The rules that depend on the job's settings. */
export function checkTaskAgainstJob(task: TaskAddParameter, job: TaskJobSettings): void {
  if (task.dependsOn !== undefined && !job.usesTaskDependencies) {
    throw taskDependenciesNotSpecifiedOnJob();
  }
  for (const options of allExitOptions(task)) {
    if (options.jobAction !== undefined && job.onTaskFailure === "noaction") {
      throw invalidPropertyValue(
        "jobAction",
        options.jobAction,
        "jobAction can only be set when the job's onTaskFailure is performexitoptionsjobaction.",
      );
    }
    if (options.dependencyAction !== undefined && !job.usesTaskDependencies) {
      throw invalidPropertyValue(
        "dependencyAction",
        options.dependencyAction,
        "dependencyAction can only be set when the job uses task dependencies.",
      );
    }
  }
}
