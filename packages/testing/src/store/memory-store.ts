// The in-memory BatchStore: one ordered table of jobs, and one of tasks per job.

import type { BatchStore } from "./batch-store.js";
import { OrderedTable } from "./ordered-table.js";
import type { JobRecord, TaskRecord } from "./records.js";

export function createMemoryStore(): BatchStore {
  let seq = 0;
  const jobs = new OrderedTable<JobRecord>();
  const tasksByJob = new WeakMap<JobRecord, OrderedTable<TaskRecord>>();

  function tasksOf(job: JobRecord): OrderedTable<TaskRecord> {
    let table = tasksByJob.get(job);
    if (table === undefined) {
      table = new OrderedTable<TaskRecord>();
      tasksByJob.set(job, table);
    }
    return table;
  }

  return {
    nextSeq: () => ++seq,
    getJob: (jobId) => jobs.get(jobId),
    insertJob: (job) => jobs.insert(job),
    removeJob(jobId) {
      const job = jobs.remove(jobId);
      if (job !== undefined) {
        for (const task of tasksOf(job).values()) task.removed = true;
        tasksByJob.delete(job);
      }
      return job;
    },
    jobsAfter: (afterSeq) => jobs.after(afterSeq),
    getTask: (job, taskId) => tasksOf(job).get(taskId),
    insertTask: (job, task) => tasksOf(job).insert(task),
    removeTask: (job, taskId) => tasksOf(job).remove(taskId),
    tasksAfter: (job, afterSeq) => tasksOf(job).after(afterSeq),
    taskCount: (job) => tasksOf(job).size,
  };
}
