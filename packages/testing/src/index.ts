// Public entry of @batch/testing: the service (rules, no HTTP), its msw handlers, the local
// emulator, fault injection, the executors, and the OData and authentication helpers users
// may need.

// Authentication and OData pieces
export {
  type AuthOptions,
  type AuthResult,
  authenticate,
  type SignedRequest,
  sharedKeyAuthorization,
  signedRequestFrom,
} from "./auth/index.js";
export { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "./dev-account.js";
// Executors
export type { Executor, ExecutorHost, TaskHandle, TaskOutcome } from "./executors/executor.js";
export { createManualExecutor } from "./executors/manual-executor.js";
export {
  createSimulatedExecutor,
  type RunInfo,
  type SimulatedExecutorOptions,
} from "./executors/simulated-executor.js";
export {
  createFaultInjector,
  FAULT_KINDS,
  type FaultEvent,
  type FaultInjector,
  type FaultInjectorContext,
  type FaultKind,
  type FaultOption,
  type FaultOptions,
  FaultOptionsError,
  type FaultRules,
  type FaultStats,
} from "./faults/index.js";
export { SUPPORTED_API_VERSIONS } from "./http/api-versions.js";
// msw handlers
export { type BatchHandlersOptions, batchHandlers } from "./http/batch-handlers.js";
export type { OperationCall, OperationMiddleware } from "./http/operation-middleware.js";
export { type ReceivedRequest, recordReceivedRequest } from "./http/received-request.js";
export {
  compileFilter,
  FilterError,
  type FilterLiteral,
  type FilterNode,
  FilterSyntaxError,
  formatFilter,
  formatLiteral,
  jobFilterFields,
  jobSelectableProperties,
  parseExpand,
  parseFilter,
  parseSelect,
  projectSelect,
  SelectError,
  subtaskSelectableProperties,
  taskFilterFields,
  taskSelectableProperties,
} from "./odata/index.js";
// Emulator
export {
  EMULATOR_USAGE,
  type EmulatorCliOptions,
  parseEmulatorArgs,
  readyLine,
  UsageError as EmulatorUsageError,
} from "./server/emulator-cli.js";
export { FAULT_FLAG_NAMES, FaultFlagError, faultOptionsFromFlags } from "./server/fault-flags.js";
export { type Emulator, type EmulatorOptions, startEmulator } from "./server/start-emulator.js";
// Service
export {
  type BatchService,
  type BatchServiceOptions,
  createBatchService,
  type ExecutorChoice,
} from "./service/batch-service.js";
export type { Clock, Timers } from "./service/clock.js";
export type { ConditionalHeaders } from "./service/conditions.js";
export type {
  CallOptions,
  ConditionalOptions,
  GetOptions,
  ListOptions,
  ListResult,
  ReadResult,
  WriteResult,
} from "./service/operation-types.js";
export { type ErrorDetail, type ResourceVersion, ServiceError } from "./service/service-error.js";
export { DEFAULT_LIMITS, type ServiceLimits } from "./service/service-limits.js";
export type { StartOptions } from "./service/test-controls.js";
export type { BatchStore } from "./store/batch-store.js";
export { createMemoryStore } from "./store/memory-store.js";
export type {
  FailureInfo,
  JobRecord,
  JobSpec,
  JobState,
  RunRecord,
  SubtaskRecord,
  TaskRecord,
  TaskState,
} from "./store/records.js";
