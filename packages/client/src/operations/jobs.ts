// client.jobs: the job operations a task workflow needs (add, get, list, delete, terminate,
// task counts), with the same options and result shapes as the task operations.
import type { CloudJob, JobAddParameter, TaskCountsResult } from "@batch/types";
import { createPager, fetchNextPage, type PagedAsyncIterable, toPage } from "../pagination.js";
import { invoke, type NotModified, type OperationContext } from "./invoke.js";
import { operationRequest } from "./operation-request.js";
import {
  assertId,
  type CallOptions,
  type ConditionalOptions,
  callHeaders,
  commaList,
  conditionalCallHeaders,
  type ExpandOptions,
  type FilterOptions,
  type SelectOptions,
} from "./request-options.js";
import type { WithMeta } from "./response-meta.js";
import { bodyWithMeta, type UnconditionalGet, type WriteResult, writeResult } from "./results.js";

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
  get(jobId: string, options?: UnconditionalGet<JobGetOptions>): Promise<WithMeta<CloudJob>>;
  /** Job_Get with If-None-Match or If-Modified-Since: 304 gives `{ notModified: true }`. */
  get(jobId: string, options: JobGetOptions): Promise<WithMeta<CloudJob> | NotModified>;
  /** Job_List, across every page. */
  list(options?: JobListOptions): PagedAsyncIterable<CloudJob>;
  /** Job_Delete (202: the job is being deleted). JobNotFound after a lost answer is reconciled. */
  delete(jobId: string, options?: JobDeleteOptions): Promise<WriteResult>;
  /** Job_Terminate. JobCompleted/JobBeingTerminated after a lost answer are reconciled. */
  terminate(jobId: string, options?: JobTerminateOptions): Promise<WriteResult>;
  /** Job_GetTaskCounts. */
  getTaskCounts(
    jobId: string,
    options?: JobGetTaskCountsOptions,
  ): Promise<WithMeta<TaskCountsResult>>;
}

export function createJobOperations(context: OperationContext): JobOperations {
  const { apiVersion } = context;
  return {
    async add(job, options = {}) {
      const json = JSON.stringify(job);
      const invocation = await invoke(
        context,
        { operation: "Job_Add", signal: options.signal, body: json, reconcile: ["JobExists"] },
        operationRequest(context.baseUrl, "post", "/jobs", {
          query: { "api-version": apiVersion, timeout: options.timeout },
          header: callHeaders(options),
        }),
      );
      return writeResult(invocation);
    },

    async get(jobId: string, options: JobGetOptions = {}) {
      assertId("jobId", jobId);
      const invocation = await invoke(
        context,
        { operation: "Job_Get", signal: options.signal },
        operationRequest(context.baseUrl, "get", "/jobs/{jobId}", {
          path: { jobId },
          query: {
            "api-version": apiVersion,
            $select: commaList(options.select),
            $expand: commaList(options.expand),
            timeout: options.timeout,
          },
          header: conditionalCallHeaders(options),
        }),
      );
      if (invocation.kind === "notModified") return { notModified: true, meta: invocation.meta };
      return bodyWithMeta<CloudJob>(invocation);
    },

    list(options = {}) {
      return createPager<CloudJob>({
        first: async (maxPageSize) => {
          const invocation = await invoke(
            context,
            { operation: "Job_List", signal: options.signal },
            operationRequest(context.baseUrl, "get", "/jobs", {
              query: {
                "api-version": apiVersion,
                $filter: options.filter,
                $select: commaList(options.select),
                $expand: commaList(options.expand),
                maxresults: maxPageSize ?? options.maxResults,
                timeout: options.timeout,
              },
              header: callHeaders(options),
            }),
          );
          return toPage<CloudJob>(
            invocation.kind === "ok" ? invocation.data : undefined,
            invocation.meta,
          );
        },
        next: (link) => fetchNextPage<CloudJob>(context, "Job_List", link, options),
      });
    },

    async delete(jobId, options = {}) {
      assertId("jobId", jobId);
      const invocation = await invoke(
        context,
        {
          operation: "Job_Delete",
          signal: options.signal,
          reconcile: ["JobNotFound", "JobBeingDeleted"],
        },
        operationRequest(context.baseUrl, "delete", "/jobs/{jobId}", {
          path: { jobId },
          query: { "api-version": apiVersion, force: options.force, timeout: options.timeout },
          header: conditionalCallHeaders(options),
        }),
      );
      return writeResult(invocation);
    },

    async terminate(jobId, options = {}) {
      assertId("jobId", jobId);
      const body =
        options.terminateReason === undefined
          ? undefined
          : { terminateReason: options.terminateReason };
      const json = body === undefined ? undefined : JSON.stringify(body);
      const invocation = await invoke(
        context,
        {
          operation: "Job_Terminate",
          signal: options.signal,
          body: json,
          reconcile: ["JobCompleted", "JobBeingTerminated"],
        },
        operationRequest(context.baseUrl, "post", "/jobs/{jobId}/terminate", {
          path: { jobId },
          query: { "api-version": apiVersion, force: options.force, timeout: options.timeout },
          header: conditionalCallHeaders(options),
        }),
      );
      return writeResult(invocation);
    },

    async getTaskCounts(jobId, options = {}) {
      assertId("jobId", jobId);
      const invocation = await invoke(
        context,
        { operation: "Job_GetTaskCounts", signal: options.signal },
        operationRequest(context.baseUrl, "get", "/jobs/{jobId}/taskcounts", {
          path: { jobId },
          query: { "api-version": apiVersion, timeout: options.timeout },
          header: callHeaders(options),
        }),
      );
      return bodyWithMeta<TaskCountsResult>(invocation);
    },
  };
}
