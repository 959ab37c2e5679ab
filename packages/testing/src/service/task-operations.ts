// The nine task operations of the service: the rules for adding, reading, listing, changing,
// ending, reactivating and deleting tasks, on already-parsed inputs.

import type {
  CloudTask,
  SubtaskInformation,
  TaskAddCollectionResult,
  TaskAddResult,
} from "@batch/types";
import { taskFilterFields } from "../odata/filter-fields.js";
import { projectSelect } from "../odata/select.js";
import {
  subtaskSelectableProperties,
  taskSelectableProperties,
} from "../odata/selectable-properties.js";
import { type JobRecord, newTaskRecord, type TaskRecord } from "../store/records.js";
import { type ConditionalHeaders, checkConditions } from "./conditions.js";
import {
  internalError,
  invalidPropertyValue,
  missingRequiredProperty,
  taskCompleted,
  taskExists,
  taskNotCompleted,
  taskSucceeded,
} from "./error-catalog.js";
import { formatEtag } from "./etag.js";
import { TASK_ENDED } from "./failure-codes.js";
import {
  compileFilterOption,
  decodeSkipToken,
  encodeSkipToken,
  expandStatsOption,
  pageSizeOption,
  selectOption,
} from "./list-options.js";
import type {
  CallOptions,
  ConditionalOptions,
  GetOptions,
  ListOptions,
  ListResult,
  ReadResult,
  WriteResult,
} from "./operation-types.js";
import { isServiceError, type ServiceError } from "./service-error.js";
import {
  baseUrlOf,
  requireChangeableJob,
  requireJob,
  requireTask,
  type ServiceState,
} from "./service-state.js";
import { jobMaxTaskRetryCount, onTaskFailureOf, usesTaskDependencies } from "./spec-defaults.js";
import { buildCloudTask, buildSubtask, buildTaskFilterView, taskUrl } from "./task-view.js";
import { checkKnownProperties } from "./validation/schema.js";
import {
  checkTaskAgainstJob,
  type TaskJobSettings,
  validateTaskAddParameter,
} from "./validation/task-add-parameter.js";
import { validateTaskUpdateParameter } from "./validation/task-update-parameter.js";

const COLLECTION_PROPERTIES: ReadonlySet<string> = new Set(["value"]);

function writeResult(url: string, task: TaskRecord): WriteResult {
  return { eTag: formatEtag(task.version), lastModified: task.lastModified, url };
}

function checkTask(
  task: TaskRecord,
  conditions: ConditionalHeaders | undefined,
  kind: "read" | "write",
): void {
  checkConditions(
    conditions,
    { eTag: formatEtag(task.version), lastModified: task.lastModified },
    kind,
  );
}

export function taskOperations(state: ServiceState) {
  const { store, engine } = state;

  /** Validates and stores one task; throws the service error that refuses it. */
  function insertTask(job: JobRecord, settings: TaskJobSettings, body: unknown): TaskRecord {
    const spec = validateTaskAddParameter(body);
    checkTaskAgainstJob(spec, settings);
    const maxRetries = spec.constraints?.maxTaskRetryCount ?? jobMaxTaskRetryCount(job);
    if (store.getTask(job.id, spec.id)) throw taskExists();
    const now = state.clock.now();
    const task = newTaskRecord(store.nextSeq(), spec, now, engine.versions.next(), maxRetries);
    if (!putTask(job, task)) throw taskExists();
    engine.taskAdded(job, task);
    return task;
  }

  // A store that fails to write (a persistent one) fails that task as a server error: a
  // collection reports it as `servererror`, which clients retry unchanged.
  function putTask(job: JobRecord, task: TaskRecord): boolean {
    try {
      return store.putTask(job.id, task);
    } catch (error) {
      throw internalError(error);
    }
  }

  function settingsOf(job: JobRecord): TaskJobSettings {
    return { usesTaskDependencies: usesTaskDependencies(job), onTaskFailure: onTaskFailureOf(job) };
  }

  function errorBody(error: ServiceError) {
    return {
      code: error.code,
      message: { lang: "en-US", value: error.message },
      ...(error.values && { values: error.values }),
    };
  }

  return {
    /** Task_Add. */
    addTask(jobId: string, body: unknown, options?: CallOptions): WriteResult {
      const job = requireJob(state, jobId);
      requireChangeableJob(job);
      const task = insertTask(job, settingsOf(job), body);
      return writeResult(taskUrl(baseUrlOf(state, options), job, task.id), task);
    },

    /** Task_AddCollection: one result per task; a bad task does not stop the others. */
    addTaskCollection(
      jobId: string,
      body: unknown,
      options?: CallOptions,
    ): TaskAddCollectionResult {
      const job = requireJob(state, jobId);
      requireChangeableJob(job);
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw invalidPropertyValue("value", body, "The body must be an object with a value array.");
      }
      checkKnownProperties(body as Record<string, unknown>, COLLECTION_PROPERTIES, []);
      const entries = (body as { value?: unknown }).value;
      if (entries === undefined || entries === null) throw missingRequiredProperty("value");
      if (!Array.isArray(entries)) {
        throw invalidPropertyValue("value", entries, "The value must be an array of tasks.");
      }
      const max = state.limits.maxTasksPerCollection;
      if (entries.length === 0 || entries.length > max) {
        throw invalidPropertyValue(
          "value",
          `${entries.length} tasks`,
          `A task collection must contain between 1 and ${max} tasks.`,
        );
      }
      const baseUrl = baseUrlOf(state, options);
      const settings = settingsOf(job);
      const value: TaskAddResult[] = entries.map((entry: unknown) => {
        const rawId = (entry as { id?: unknown } | null)?.id;
        try {
          const task = insertTask(job, settings, entry);
          return {
            status: "success",
            taskId: task.id,
            eTag: formatEtag(task.version),
            lastModified: new Date(task.lastModified).toISOString(),
            location: taskUrl(baseUrl, job, task.id),
          };
        } catch (error) {
          if (!isServiceError(error)) throw error;
          return {
            status: error.status >= 500 ? "servererror" : "clienterror",
            taskId: typeof rawId === "string" ? rawId : "",
            error: errorBody(error),
          };
        }
      });
      return { value };
    },

    /** Task_Get. */
    getTask(jobId: string, taskId: string, options?: GetOptions): ReadResult<Partial<CloudTask>> {
      const select = selectOption(options?.select, taskSelectableProperties);
      const stats = expandStatsOption(options?.expand);
      const job = requireJob(state, jobId);
      const task = requireTask(state, job, taskId);
      checkTask(task, options?.conditions, "read");
      const baseUrl = baseUrlOf(state, options);
      const body = buildCloudTask(job, task, { baseUrl, now: state.clock.now(), stats });
      return { ...writeResult(body.url!, task), body: projectSelect(body, select) };
    },

    /** Task_List: one page, resuming after the skip token's sequence number, with the job's version. */
    listTasks(jobId: string, options?: ListOptions): ListResult<Partial<CloudTask>> {
      const pageSize = pageSizeOption(options?.maxResults, state.limits.maxPageSize);
      const filter = compileFilterOption(options?.filter, taskFilterFields);
      const select = selectOption(options?.select, taskSelectableProperties);
      const stats = expandStatsOption(options?.expand);
      const afterSeq = decodeSkipToken("tasks", options?.skipToken);
      const job = requireJob(state, jobId);
      const ctx = { baseUrl: baseUrlOf(state, options), now: state.clock.now(), stats };
      const value: Partial<CloudTask>[] = [];
      let lastSeq = afterSeq;
      let more = false;
      for (const task of store.listTasks(job.id, afterSeq)) {
        if (filter && !filter(buildTaskFilterView(task))) continue;
        if (value.length === pageSize) {
          more = true;
          break;
        }
        value.push(projectSelect(buildCloudTask(job, task, ctx), select));
        lastSeq = task.seq;
      }
      const version = { eTag: formatEtag(job.version), lastModified: job.lastModified };
      return more
        ? { value, ...version, continuationToken: encodeSkipToken("tasks", lastSeq) }
        : { value, ...version };
    },

    /**
     * Task_ListSubtasks: empty for a task that is not multi-instance or has not started. The
     * page carries the task's version, which changes with every subtask change.
     */
    listSubtasks(
      jobId: string,
      taskId: string,
      options?: GetOptions,
    ): ListResult<Partial<SubtaskInformation>> {
      const select = selectOption(options?.select, subtaskSelectableProperties);
      const job = requireJob(state, jobId);
      const task = requireTask(state, job, taskId);
      const baseUrl = baseUrlOf(state, options);
      return {
        value: (task.subtasks ?? []).map((subtask) =>
          projectSelect(buildSubtask(job, task, subtask, baseUrl), select),
        ),
        eTag: formatEtag(task.version),
        lastModified: task.lastModified,
      };
    },

    /** Task_Update: replaces the constraints; absent ones go back to the defaults. */
    updateTask(
      jobId: string,
      taskId: string,
      body: unknown,
      options?: ConditionalOptions,
    ): WriteResult {
      const job = requireJob(state, jobId);
      requireChangeableJob(job);
      const task = requireTask(state, job, taskId);
      checkTask(task, options?.conditions, "write");
      const constraints = validateTaskUpdateParameter(body);
      if (task.state === "completed") throw taskCompleted();
      engine.updateConstraints(job, task, constraints);
      return writeResult(taskUrl(baseUrlOf(state, options), job, task.id), task);
    },

    /** Task_Terminate: the task completes with failureInfo TaskEnded. */
    terminateTask(jobId: string, taskId: string, options?: ConditionalOptions): WriteResult {
      const job = requireJob(state, jobId);
      requireChangeableJob(job);
      const task = requireTask(state, job, taskId);
      checkTask(task, options?.conditions, "write");
      if (task.state === "completed") throw taskCompleted();
      engine.endTask(job, task, TASK_ENDED);
      return writeResult(taskUrl(baseUrlOf(state, options), job, task.id), task);
    },

    /** Task_Reactivate: only a completed task that did not succeed. */
    reactivateTask(jobId: string, taskId: string, options?: ConditionalOptions): WriteResult {
      const job = requireJob(state, jobId);
      requireChangeableJob(job);
      const task = requireTask(state, job, taskId);
      checkTask(task, options?.conditions, "write");
      if (task.state !== "completed") throw taskNotCompleted();
      if (task.run?.result === "success") throw taskSucceeded();
      engine.reactivate(job, task);
      return writeResult(taskUrl(baseUrlOf(state, options), job, task.id), task);
    },

    /** Task_Delete. */
    deleteTask(jobId: string, taskId: string, options?: ConditionalOptions): void {
      const job = requireJob(state, jobId);
      requireChangeableJob(job);
      const task = requireTask(state, job, taskId);
      checkTask(task, options?.conditions, "write");
      engine.taskRemoved(job, task);
    },
  };
}

export type TaskOperations = ReturnType<typeof taskOperations>;
