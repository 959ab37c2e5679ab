// @batch/types: the generated OpenAPI types of the Batch Tasks API, and readable names for
// the schemas users touch most. Only `apiVersion` exists at run time.
import type { components, operations } from "./generated/batch.js";

export { apiVersion } from "./generated/api-version.js";
export type { components, operations, paths } from "./generated/batch.js";

type Schemas = components["schemas"];

// Tasks
export type TaskAddParameter = Schemas["TaskAddParameter"];
export type TaskAddCollectionParameter = Schemas["TaskAddCollectionParameter"];
export type TaskAddCollectionResult = Schemas["TaskAddCollectionResult"];
export type TaskAddResult = Schemas["TaskAddResult"];
export type TaskAddStatus = Schemas["TaskAddStatus"];
export type TaskUpdateParameter = Schemas["TaskUpdateParameter"];
export type CloudTask = Schemas["CloudTask"];
export type CloudTaskListResult = Schemas["CloudTaskListResult"];
export type CloudTaskListSubtasksResult = Schemas["CloudTaskListSubtasksResult"];
export type SubtaskInformation = Schemas["SubtaskInformation"];
export type SubtaskState = Schemas["SubtaskState"];
export type TaskState = Schemas["TaskState"];
export type TaskConstraints = Schemas["TaskConstraints"];
export type TaskExecutionInformation = Schemas["TaskExecutionInformation"];
export type TaskExecutionResult = Schemas["TaskExecutionResult"];
export type TaskFailureInformation = Schemas["TaskFailureInformation"];
export type TaskStatistics = Schemas["TaskStatistics"];
export type TaskDependencies = Schemas["TaskDependencies"];
export type TaskIdRange = Schemas["TaskIdRange"];
export type TaskContainerSettings = Schemas["TaskContainerSettings"];
export type ExitConditions = Schemas["ExitConditions"];
export type ExitOptions = Schemas["ExitOptions"];
export type MultiInstanceSettings = Schemas["MultiInstanceSettings"];
export type ResourceFile = Schemas["ResourceFile"];
export type OutputFile = Schemas["OutputFile"];
export type EnvironmentSetting = Schemas["EnvironmentSetting"];
export type UserIdentity = Schemas["UserIdentity"];
export type ComputeNodeInformation = Schemas["ComputeNodeInformation"];
export type TaskCounts = Schemas["TaskCounts"];
export type TaskSlotCounts = Schemas["TaskSlotCounts"];
export type TaskCountsResult = Schemas["TaskCountsResult"];

// Jobs
export type JobAddParameter = Schemas["JobAddParameter"];
export type CloudJob = Schemas["CloudJob"];
export type CloudJobListResult = Schemas["CloudJobListResult"];
export type JobState = Schemas["JobState"];
export type JobConstraints = Schemas["JobConstraints"];
export type JobTerminateParameter = Schemas["JobTerminateParameter"];
export type OnAllTasksComplete = Schemas["OnAllTasksComplete"];
export type OnTaskFailure = Schemas["OnTaskFailure"];

// Errors
export type BatchError = Schemas["BatchError"];
export type BatchErrorDetail = Schemas["BatchErrorDetail"];
export type ErrorMessage = Schemas["ErrorMessage"];

/** The operationIds of the spec, e.g. "Task_Add". */
export type OperationId = keyof operations;
