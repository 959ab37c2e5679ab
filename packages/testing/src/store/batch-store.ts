// The storage interface of the service: jobs and their tasks, found by id ignoring case, and
// listed in sequence order from a cursor. The service tells the store about every change: a
// new record goes in with put, a record it read and changed goes back with update, a removal
// with delete. It never relies on getting the same object twice, so a store may hand out
// copies and persist records anywhere; the in-memory store hands out the records themselves.

import type { JobRecord, TaskRecord } from "./records.js";

export interface BatchStore {
  /** A new sequence number, above every one handed out or stored so far. */
  nextSeq(): number;

  getJob(jobId: string): JobRecord | undefined;
  /** Stores a new job; false (and nothing stored) when its id, ignoring case, is taken. */
  putJob(job: JobRecord): boolean;
  /** Saves a job the service read and changed. */
  updateJob(job: JobRecord): void;
  /** Removes the job and all its tasks. */
  deleteJob(jobId: string): void;
  /** Jobs whose sequence number is above `afterSeq`, lowest first; a page resumes from here. */
  listJobs(afterSeq: number): Iterable<JobRecord>;

  getTask(jobId: string, taskId: string): TaskRecord | undefined;
  /**
   * Stores a new task; false when the job has a task with this id (ignoring case) or is gone.
   * It may throw when it cannot write: the task is then refused as a server error, and must not
   * have been stored.
   */
  putTask(jobId: string, task: TaskRecord): boolean;
  /** Saves a task the service read and changed. */
  updateTask(jobId: string, task: TaskRecord): void;
  deleteTask(jobId: string, taskId: string): void;
  /** The job's tasks whose sequence number is above `afterSeq`, lowest first. */
  listTasks(jobId: string, afterSeq: number): Iterable<TaskRecord>;
}
