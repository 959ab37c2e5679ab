// client.jobs: the job operations a task workflow needs (add, get, list, delete, terminate,
// task counts), with the same options and result shapes as the task operations.
import type { JobAddParameter, OperationId } from "@batch/types";
import { operationPager, type PagedAsyncIterable } from "../pagination.js";
import type { PipelineRequest } from "../pipeline.js";
import { invokeRead, invokeWrite, type NotModified, type OperationContext } from "./invoke.js";
import { operationRequest } from "./operation-request.js";
import {
  assertId,
  type CallOptions,
  type ConditionalOptions,
  callHeaders,
  callQuery,
  conditionalCallHeaders,
  type ExpandOptions,
  type FilterOptions,
  listQuery,
  readQuery,
  type SelectOptions,
} from "./request-options.js";
import type { WithMeta } from "./response-meta.js";
import type { ListItem, OkBody, UnconditionalGet, WriteResult } from "./results.js";

export type JobAddOptions = CallOptions;
export interface JobGetOptions
  extends CallOptions,
    ConditionalOptions,
    SelectOptions,
    ExpandOptions {}
export interface JobListOptions extends CallOptions, SelectOptions, ExpandOptions, FilterOptions {}
export interface JobDeleteOptions extends CallOptions, ConditionalOptions {
  /** Delete even if nodes are still running the job's tasks (query `force`). */
  force?: boolean;
}
export interface JobTerminateOptions extends CallOptions, ConditionalOptions {
  /** Recorded as the job's terminateReason (the service's default is "UserTerminate"). */
  terminateReason?: string;
  /** Terminate even if nodes are still running the job's tasks (query `force`). */
  force?: boolean;
}
export type JobGetTaskCountsOptions = CallOptions;

export interface JobOperations {
  /** Job_Add. JobExists met after a lost answer resolves with `reconciled: true`. */
  add(job: JobAddParameter, options?: JobAddOptions): Promise<WriteResult>;
  /** Job_Get. */
  get(
    jobId: string,
    options?: UnconditionalGet<JobGetOptions>,
  ): Promise<WithMeta<OkBody<"Job_Get">>>;
  /** Job_Get with If-None-Match or If-Modified-Since: 304 gives `{ notModified: true }`. */
  get(jobId: string, options: JobGetOptions): Promise<WithMeta<OkBody<"Job_Get">> | NotModified>;
  /** Job_List, across every page. */
  list(options?: JobListOptions): PagedAsyncIterable<ListItem<"Job_List">>;
  /** Job_Delete (202: the job is being deleted). JobNotFound after a lost answer is reconciled. */
  delete(jobId: string, options?: JobDeleteOptions): Promise<WriteResult>;
  /** Job_Terminate. JobCompleted/JobBeingTerminated after a lost answer are reconciled. */
  terminate(jobId: string, options?: JobTerminateOptions): Promise<WriteResult>;
  /** Job_GetTaskCounts. */
  getTaskCounts(
    jobId: string,
    options?: JobGetTaskCountsOptions,
  ): Promise<WithMeta<OkBody<"Job_GetTaskCounts">>>;
}

export function createJobOperations(context: OperationContext): JobOperations {
  const { apiVersion, baseUrl } = context;

  /** What deleting and terminating a job send: the id, force, timeout and the headers. */
  function endJob(jobId: string, options: JobDeleteOptions) {
    assertId("jobId", jobId);
    return {
      path: { jobId },
      query: { "api-version": apiVersion, force: options.force, timeout: options.timeout },
      header: conditionalCallHeaders(options),
    };
  }

  const write = (
    operation: OperationId,
    reconcile: readonly string[] | undefined,
    options: CallOptions,
    request: PipelineRequest,
    body?: object,
  ) => invokeWrite(context, operation, reconcile, options, request, body);

  return {
    async add(job, options = {}) {
      const request = operationRequest(baseUrl, "post", "/jobs", {
        query: callQuery(apiVersion, options),
        header: callHeaders(options),
      });
      return write("Job_Add", ["JobExists"], options, request, job);
    },

    async get(jobId: string, options: JobGetOptions = {}) {
      assertId("jobId", jobId);
      return invokeRead(
        context,
        "Job_Get",
        options,
        operationRequest(baseUrl, "get", "/jobs/{jobId}", {
          path: { jobId },
          query: readQuery(apiVersion, options),
          header: conditionalCallHeaders(options),
        }),
      );
    },

    list(options = {}) {
      return operationPager(context, "Job_List", options, (maxPageSize) =>
        operationRequest(baseUrl, "get", "/jobs", {
          query: listQuery(apiVersion, options, maxPageSize),
          header: callHeaders(options),
        }),
      );
    },

    async delete(jobId, options = {}) {
      const request = operationRequest(baseUrl, "delete", "/jobs/{jobId}", endJob(jobId, options));
      return write("Job_Delete", ["JobNotFound", "JobBeingDeleted"], options, request);
    },

    async terminate(jobId, options = {}) {
      const request = operationRequest(
        baseUrl,
        "post",
        "/jobs/{jobId}/terminate",
        endJob(jobId, options),
      );
      const body =
        options.terminateReason === undefined
          ? undefined
          : { terminateReason: options.terminateReason };
      return write("Job_Terminate", ["JobCompleted", "JobBeingTerminated"], options, request, body);
    },

    async getTaskCounts(jobId, options = {}) {
      assertId("jobId", jobId);
      // No condition is sent, so the answer is never a 304.
      return invokeRead(
        context,
        "Job_GetTaskCounts",
        options,
        operationRequest(baseUrl, "get", "/jobs/{jobId}/taskcounts", {
          path: { jobId },
          query: callQuery(apiVersion, options),
          header: callHeaders(options),
        }),
      ) as Promise<WithMeta<OkBody<"Job_GetTaskCounts">>>;
    },
  };
}
