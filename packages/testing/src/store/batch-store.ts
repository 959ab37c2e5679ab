// The storage interface of the service: jobs and their tasks, found by id ignoring case, and
// listed in insertion order from a sequence number on. Records are live objects: the service
// changes them in place, so an implementation must hand out the same object for the same id.

import type { JobRecord, TaskRecord } from "./records.js";

export interface BatchStore {
  /** A new, never reused sequence number for a job or task about to be inserted. */
  nextSeq(): number;

  getJob(jobId: string): JobRecord | undefined;
  /** False when a job with this id (ignoring case) already exists. */
  insertJob(job: JobRecord): boolean;
  /** Removes the job and all its tasks. */
  removeJob(jobId: string): JobRecord | undefined;
  /** Jobs inserted after `afterSeq`, oldest first. */
  jobsAfter(afterSeq: number): Iterable<JobRecord>;

  getTask(job: JobRecord, taskId: string): TaskRecord | undefined;
  /** False when the job already has a task with this id (ignoring case). */
  insertTask(job: JobRecord, task: TaskRecord): boolean;
  removeTask(job: JobRecord, taskId: string): TaskRecord | undefined;
  /** The job's tasks inserted after `afterSeq`, oldest first. */
  tasksAfter(job: JobRecord, afterSeq: number): Iterable<TaskRecord>;
  taskCount(job: JobRecord): number;
}
