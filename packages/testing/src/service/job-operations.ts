// The six job operations a task workflow needs: add, get, list, delete, terminate and task
// counts, on already-parsed inputs.

import type { TaskCountsResult } from "@batch/types";
import { jobFilterFields } from "../odata/filter-fields.js";
import { projectSelect } from "../odata/select.js";
import { jobSelectableProperties } from "../odata/selectable-properties.js";
import { type JobRecord, newJobRecord } from "../store/records.js";
import { checkConditions } from "./conditions.js";
import { jobExists, jobStateConflict } from "./error-catalog.js";
import { formatEtag } from "./etag.js";
import { buildCloudJob, buildJobFilterView, type CloudJobWithStats, jobUrl } from "./job-view.js";
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
import { baseUrlOf, requireJob, type ServiceState } from "./service-state.js";
import {
  validateJobAddParameter,
  validateJobTerminateParameter,
} from "./validation/job-add-parameter.js";

export function jobOperations(state: ServiceState) {
  const { store, engine } = state;

  function writeResult(job: JobRecord, options: CallOptions | undefined): WriteResult {
    return {
      eTag: formatEtag(job.version),
      lastModified: job.lastModified,
      url: jobUrl(baseUrlOf(state, options), job),
    };
  }

  function view(
    job: JobRecord,
    options: CallOptions | undefined,
    stats: boolean,
  ): CloudJobWithStats {
    return buildCloudJob(job, {
      baseUrl: baseUrlOf(state, options),
      now: state.clock.now(),
      stats: stats ? engine.runtime(job).counts : undefined,
    });
  }

  function checkJob(
    job: JobRecord,
    options: ConditionalOptions | undefined,
    kind: "read" | "write",
  ) {
    checkConditions(
      options?.conditions,
      { eTag: formatEtag(job.version), lastModified: job.lastModified },
      kind,
    );
  }

  return {
    /** Job_Add. */
    addJob(body: unknown, options?: CallOptions): WriteResult {
      const spec = validateJobAddParameter(body);
      if (store.getJob(spec.id)) throw jobExists();
      const job = newJobRecord(store.nextSeq(), spec, state.clock.now(), engine.versions.next());
      if (!store.putJob(job)) throw jobExists();
      engine.jobAdded(job);
      return writeResult(job, options);
    },

    /** Job_Get; a job being deleted is still found, in state deleting. */
    getJob(jobId: string, options?: GetOptions): ReadResult<Partial<CloudJobWithStats>> {
      const select = selectOption(options?.select, jobSelectableProperties);
      const stats = expandStatsOption(options?.expand);
      const job = requireJob(state, jobId);
      checkJob(job, options, "read");
      return {
        ...writeResult(job, options),
        body: projectSelect(view(job, options, stats), select),
      };
    },

    /** Job_List, with the version of the job list (the last job change in the account). */
    listJobs(options?: ListOptions): ListResult<Partial<CloudJobWithStats>> {
      const pageSize = pageSizeOption(options?.maxResults, state.limits.maxPageSize);
      const filter = compileFilterOption(options?.filter, jobFilterFields);
      const select = selectOption(options?.select, jobSelectableProperties);
      const stats = expandStatsOption(options?.expand);
      const afterSeq = decodeSkipToken("jobs", options?.skipToken);
      const value: Partial<CloudJobWithStats>[] = [];
      let lastSeq = afterSeq;
      let more = false;
      for (const job of store.listJobs(afterSeq)) {
        if (filter && !filter(buildJobFilterView(job))) continue;
        if (value.length === pageSize) {
          more = true;
          break;
        }
        value.push(projectSelect(view(job, options, stats), select));
        lastSeq = job.seq;
      }
      const version = engine.jobListVersion();
      return more
        ? { value, ...version, continuationToken: encodeSkipToken("jobs", lastSeq) }
        : { value, ...version };
    },

    /** Job_Delete: the job shows as deleting, then disappears with its tasks. */
    deleteJob(jobId: string, options?: ConditionalOptions): void {
      const job = requireJob(state, jobId);
      checkJob(job, options, "write");
      if (job.state === "deleting") throw jobStateConflict("deleting")!;
      engine.deleteJob(job);
    },

    /** Job_Terminate: terminating, then completed; running tasks end, active ones never run. */
    terminateJob(jobId: string, body: unknown, options?: ConditionalOptions): WriteResult {
      const job = requireJob(state, jobId);
      checkJob(job, options, "write");
      const conflict = jobStateConflict(job.state);
      if (conflict) throw conflict;
      const reason = validateJobTerminateParameter(body);
      engine.terminateJob(job, reason ?? "UserTerminate");
      return writeResult(job, options);
    },

    /** Job_GetTaskCounts. */
    getTaskCounts(jobId: string): TaskCountsResult {
      const job = requireJob(state, jobId);
      const counts = engine.runtime(job).counts;
      return { taskCounts: counts.taskCounts(), taskSlotCounts: counts.slotCounts() };
    },
  };
}

export type JobOperations = ReturnType<typeof jobOperations>;
