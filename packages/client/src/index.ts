// Public entry of @batch/client. Browser-safe: nothing here imports node:* modules.
// biome-ignore-all assist/source/organizeImports: the order of these exports is the order of the
// modules in a browser bundle, and this one gzips smallest (the bundle budget, index.test.ts).
export {
  type AccessToken,
  batchScope,
  type GetTokenOptions,
  type TokenCredential,
} from "./credentials/token-credential.js";
export { type BatchClient, type BatchClientOptions, createBatchClient } from "./client.js";
export {
  SharedKeyCredential,
  type SharedKeyCredentialLike,
} from "./credentials/shared-key-credential.js";
export {
  AddManyError,
  type AddManyOptions,
  type AddManyProgress,
  type AddManyResult,
  type TaskAddOutcome,
  type TaskAddStatus,
} from "./bulk-add/add-many.js";
export { apiVersion } from "@batch/types";
export {
  BatchError,
  type BatchErrorKind,
  type BatchErrorOptions,
  isBatchError,
} from "./errors.js";
export { type RetryInfo, type RetryOptions, retryableStatuses } from "./middleware/retry.js";
export { isNotModified, type NotModified } from "./operations/invoke.js";
export type {
  BatchError as BatchErrorBody,
  BatchErrorDetail,
  CloudJob,
  CloudTask,
  CloudTaskListSubtasksResult,
  components,
  ExitConditions,
  JobAddParameter,
  OperationId,
  paths,
  SubtaskInformation,
  TaskAddCollectionResult,
  TaskAddParameter,
  TaskAddResult,
  TaskConstraints,
  TaskCountsResult,
  TaskExecutionInformation,
  TaskState,
  TaskUpdateParameter,
} from "@batch/types";
export type { UserAgentOption } from "./middleware/headers.js";
export type { LogDetails, Logger, LoggerFunction, LogLevel } from "./middleware/logging.js";
export type {
  JobAddOptions,
  JobDeleteOptions,
  JobGetOptions,
  JobGetTaskCountsOptions,
  JobListOptions,
  JobOperations,
  JobTerminateOptions,
} from "./operations/jobs.js";
export type {
  CallOptions,
  ConditionalOptions,
  ExpandOptions,
  FilterOptions,
  SelectOptions,
} from "./operations/request-options.js";
export type { ResponseMeta, WithMeta } from "./operations/response-meta.js";
export type {
  ListItem,
  OkBody,
  UnconditionalGet,
  WriteResult,
} from "./operations/results.js";
export type {
  AddCollectionResult,
  AddCollectionTaskResult,
  TaskAddCollectionOptions,
  TaskAddOptions,
  TaskDeleteOptions,
  TaskGetOptions,
  TaskListOptions,
  TaskListSubtasksOptions,
  TaskOperations,
  TaskReactivateOptions,
  TaskTerminateOptions,
  TaskUpdateOptions,
} from "./operations/tasks.js";
export type { Page, PagedAsyncIterable, PageSettings } from "./pagination.js";
export type {
  CallContext,
  CallRecord,
  FetchLike,
  Next,
  Pipeline,
  PipelineRequest,
  PipelineStep,
  SendOptions,
} from "./pipeline.js";
export type { RawPaths } from "./raw-paths.js";
export type { HeaderBag } from "./request-headers.js";
export type { Sleep } from "./sleep.js";
export type { Timers } from "./timers.js";
export type { TaskStateSummary, WaitForOptions } from "./wait.js";
