// client.tasks: the nine task operations of the mission document, plus addMany and waitFor.
// Request and response bodies pass through as JSON, typed by @batch/types, with no per-property
// conversion.
import type {
  OperationId,
  TaskAddCollectionResult,
  TaskAddParameter,
  TaskAddResult,
  TaskUpdateParameter,
} from "@batch/types";
import { type AddManyOptions, type AddManyResult, addMany } from "../bulk-add/add-many.js";
import { clientError } from "../errors.js";
import { operationPager, type PagedAsyncIterable } from "../pagination.js";
import { type TaskStateSummary, type WaitForOptions, waitForTasks } from "../wait.js";
import {
  type Invocation,
  invoke,
  invokeRead,
  invokeWrite,
  type NotModified,
  type OperationContext,
} from "./invoke.js";
import { jsonBody } from "./json-body.js";
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
import {
  bodyWithMeta,
  type ListItem,
  type OkBody,
  type UnconditionalGet,
  type WriteResult,
} from "./results.js";

export type TaskAddOptions = CallOptions;
export type TaskAddCollectionOptions = CallOptions;
export interface TaskGetOptions
  extends CallOptions,
    ConditionalOptions,
    SelectOptions,
    ExpandOptions {}
export interface TaskListOptions extends CallOptions, SelectOptions, ExpandOptions, FilterOptions {}
export interface TaskListSubtasksOptions extends CallOptions, SelectOptions {}
export interface TaskUpdateOptions extends CallOptions, ConditionalOptions {}
export interface TaskTerminateOptions extends CallOptions, ConditionalOptions {}
export interface TaskReactivateOptions extends CallOptions, ConditionalOptions {}
export interface TaskDeleteOptions extends CallOptions, ConditionalOptions {}

/** One task's result of an add-collection call, as the service sent it. */
export interface AddCollectionTaskResult extends TaskAddResult {
  /**
   * Set (true) on a `clienterror` TaskExists result when an earlier attempt of the call got no
   * clear answer: that attempt most likely added the task, so this is probably not a conflict
   * with a task someone else added. The service's `status` and `error` are kept as they were.
   */
  reconciled?: true;
}

/** The add-collection answer: the service's JSON, each TaskExists that follows a lost answer marked. */
export interface AddCollectionResult extends Omit<OkBody<"Task_AddCollection">, "value"> {
  value?: AddCollectionTaskResult[];
}

const taskPath = "/jobs/{jobId}/tasks/{taskId}";

/** The routes of the writes to one task. */
type OneTaskWritePath = typeof taskPath | `${typeof taskPath}/${"terminate" | "reactivate"}`;

/** At most this many tasks go in one add-collection request (a service limit). */
export const maxTasksPerCollection = 100;

export interface TaskOperations {
  /** Task_Add. A TaskExists met after a lost answer resolves with `reconciled: true`. */
  add(jobId: string, task: TaskAddParameter, options?: TaskAddOptions): Promise<WriteResult>;
  /**
   * Task_AddCollection: one request of 1 to 100 tasks; the service's per-task results in
   * `value`. After an attempt whose outcome is unknown, a TaskExists result is marked
   * `reconciled: true` (see `AddCollectionResult`).
   */
  addCollection(
    jobId: string,
    tasks: readonly TaskAddParameter[],
    options?: TaskAddCollectionOptions,
  ): Promise<WithMeta<AddCollectionResult>>;
  /** Any number of tasks, chunked, concurrent, retried and reconciled; see AddManyOptions. */
  addMany(
    jobId: string,
    tasks: Iterable<TaskAddParameter> | AsyncIterable<TaskAddParameter>,
    options?: AddManyOptions,
  ): Promise<AddManyResult>;
  /** Task_Get. */
  get(
    jobId: string,
    taskId: string,
    options?: UnconditionalGet<TaskGetOptions>,
  ): Promise<WithMeta<OkBody<"Task_Get">>>;
  /** Task_Get with If-None-Match or If-Modified-Since: 304 gives `{ notModified: true }`. */
  get(
    jobId: string,
    taskId: string,
    options: TaskGetOptions,
  ): Promise<WithMeta<OkBody<"Task_Get">> | NotModified>;
  /** Task_List, across every page. */
  list(jobId: string, options?: TaskListOptions): PagedAsyncIterable<ListItem<"Task_List">>;
  /** Task_ListSubtasks (not paged). */
  listSubtasks(
    jobId: string,
    taskId: string,
    options?: TaskListSubtasksOptions,
  ): Promise<WithMeta<OkBody<"Task_ListSubtasks">>>;
  /** Task_Update: replaces the constraints (omitted constraints reset to the defaults). */
  update(
    jobId: string,
    taskId: string,
    update: TaskUpdateParameter,
    options?: TaskUpdateOptions,
  ): Promise<WriteResult>;
  /** Task_Terminate. TaskCompleted met after a lost answer resolves with `reconciled: true`. */
  terminate(jobId: string, taskId: string, options?: TaskTerminateOptions): Promise<WriteResult>;
  /** Task_Reactivate. TaskNotCompleted after a lost answer resolves with `reconciled: true`. */
  reactivate(jobId: string, taskId: string, options?: TaskReactivateOptions): Promise<WriteResult>;
  /** Task_Delete. TaskNotFound met after a lost answer resolves with `reconciled: true`. */
  delete(jobId: string, taskId: string, options?: TaskDeleteOptions): Promise<WriteResult>;
  /** Polls the job's tasks until every (matching) task has completed. */
  waitFor(jobId: string, options?: WaitForOptions): Promise<TaskStateSummary>;
}

export function createTaskOperations(context: OperationContext): TaskOperations {
  const { apiVersion, baseUrl } = context;

  /** Task_AddCollection with the body already serialized (addMany measures it anyway). */
  async function addCollectionJson(
    jobId: string,
    json: string,
    options: TaskAddCollectionOptions,
    keepBody = false,
  ): Promise<Invocation> {
    assertId("jobId", jobId);
    return invoke(
      context,
      {
        operation: "Task_AddCollection",
        signal: options.signal,
        body: json,
        keepBody,
        // addMany (keepBody) takes an answer without results as a request to send them again.
        expectBody: !keepBody,
      },
      operationRequest(baseUrl, "post", "/jobs/{jobId}/addtaskcollection", {
        path: { jobId },
        query: callQuery(apiVersion, options),
        header: callHeaders(options),
      }),
    );
  }

  /**
   * A write to one task (update, terminate, reactivate, delete): the ids, api-version, timeout
   * and the conditional headers are the same for all four; only the route and body differ.
   */
  function writeTask(
    operation: OperationId,
    reconcile: readonly string[] | undefined,
    method: "put" | "post" | "delete",
    path: OneTaskWritePath,
    jobId: string,
    taskId: string,
    options: TaskTerminateOptions,
    body?: object,
  ) {
    assertId("jobId", jobId);
    assertId("taskId", taskId);
    const request = operationRequest(baseUrl, method, path, {
      path: { jobId, taskId },
      query: callQuery(apiVersion, options),
      header: conditionalCallHeaders(options),
    });
    return invokeWrite(context, operation, reconcile, options, request, body);
  }

  const tasks: TaskOperations = {
    async add(jobId, task, options = {}) {
      assertId("jobId", jobId);
      return invokeWrite(
        context,
        "Task_Add",
        ["TaskExists"],
        options,
        operationRequest(baseUrl, "post", "/jobs/{jobId}/tasks", {
          path: { jobId },
          query: callQuery(apiVersion, options),
          header: callHeaders(options),
        }),
        task,
      );
    },

    async addCollection(jobId, taskList, options = {}) {
      if (
        !Array.isArray(taskList) ||
        taskList.length === 0 ||
        taskList.length > maxTasksPerCollection
      ) {
        const count = Array.isArray(taskList) ? taskList.length : "no array";
        throw clientError(
          "InvalidTaskCount",
          `addCollection takes 1 to ${maxTasksPerCollection} tasks (got ${count}); use addMany for more`,
          "Task_AddCollection",
        );
      }
      const invocation = await addCollectionJson(
        jobId,
        jsonBody({ value: taskList }, "Task_AddCollection"),
        options,
      );
      const result = bodyWithMeta<"Task_AddCollection">(
        invocation,
      ) as WithMeta<AddCollectionResult>;
      if (result.meta.uncertainAttempts > 0) markReconciled(result.value);
      return result;
    },

    async addMany(jobId, taskSource, options = {}) {
      assertId("jobId", jobId);
      return addMany(
        async (json, callOptions) => {
          const invocation = await addCollectionJson(jobId, json, callOptions, true);
          // A 304 (which no add-collection should get) has neither.
          const data = invocation.data as TaskAddCollectionResult | undefined;
          return { value: data?.value ?? [], body: invocation.body, meta: invocation.meta };
        },
        taskSource,
        options,
      );
    },

    async get(jobId: string, taskId: string, options: TaskGetOptions = {}) {
      assertId("jobId", jobId);
      assertId("taskId", taskId);
      return invokeRead(
        context,
        "Task_Get",
        options,
        operationRequest(baseUrl, "get", "/jobs/{jobId}/tasks/{taskId}", {
          path: { jobId, taskId },
          query: readQuery(apiVersion, options),
          header: conditionalCallHeaders(options),
        }),
      );
    },

    list(jobId, options = {}) {
      return operationPager(context, "Task_List", options, (maxPageSize) => {
        assertId("jobId", jobId);
        return operationRequest(baseUrl, "get", "/jobs/{jobId}/tasks", {
          path: { jobId },
          query: listQuery(apiVersion, options, maxPageSize),
          header: callHeaders(options),
        });
      });
    },

    async listSubtasks(jobId, taskId, options = {}) {
      assertId("jobId", jobId);
      assertId("taskId", taskId);
      // No condition is sent, so the answer is never a 304.
      return invokeRead(
        context,
        "Task_ListSubtasks",
        options,
        operationRequest(baseUrl, "get", "/jobs/{jobId}/tasks/{taskId}/subtasksinfo", {
          path: { jobId, taskId },
          // No expand option here, so no $expand is sent.
          query: readQuery(apiVersion, options),
          header: callHeaders(options),
        }),
      ) as Promise<WithMeta<OkBody<"Task_ListSubtasks">>>;
    },

    async update(jobId, taskId, update, options = {}) {
      const body = update ?? {};
      return writeTask("Task_Update", undefined, "put", taskPath, jobId, taskId, options, body);
    },

    async terminate(jobId, taskId, options = {}) {
      const path = `${taskPath}/terminate` as const;
      return writeTask("Task_Terminate", ["TaskCompleted"], "post", path, jobId, taskId, options);
    },

    async reactivate(jobId, taskId, options = {}) {
      const path = `${taskPath}/reactivate` as const;
      return writeTask(
        "Task_Reactivate",
        ["TaskNotCompleted"],
        "post",
        path,
        jobId,
        taskId,
        options,
      );
    },

    async delete(jobId, taskId, options = {}) {
      return writeTask("Task_Delete", ["TaskNotFound"], "delete", taskPath, jobId, taskId, options);
    },

    async waitFor(jobId, options = {}) {
      assertId("jobId", jobId);
      return waitForTasks((listOptions) => tasks.list(jobId, listOptions), options);
    },
  };
  return tasks;
}

/** Marks the TaskExists results of a call that had an attempt of unknown outcome. */
function markReconciled(results: AddCollectionTaskResult[] | undefined): void {
  for (const entry of results ?? []) {
    if (entry?.status === "clienterror" && entry.error?.code === "TaskExists") {
      entry.reconciled = true;
    }
  }
}
