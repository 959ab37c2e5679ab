// The in-memory BatchStore: one ordered table of jobs, and one of tasks per job. It hands out
// the stored records themselves, so a change the service makes is in place before it calls
// update; update then only has to accept a copy in place of the original.

import type { BatchStore } from "./batch-store.js";
import { OrderedTable } from "./ordered-table.js";
import type { JobRecord, TaskRecord } from "./records.js";

export function createMemoryStore(): BatchStore {
  let lastSeq = 0;
  const jobs = new OrderedTable<JobRecord>();
  const tasksByJob = new Map<string, OrderedTable<TaskRecord>>();
  const tasksOf = (jobId: string) => tasksByJob.get(jobId.toLowerCase());
  const seen = (seq: number) => {
    if (seq > lastSeq) lastSeq = seq;
  };

  return {
    nextSeq: () => ++lastSeq,
    getJob: (jobId) => jobs.get(jobId),
    putJob(job) {
      if (!jobs.insert(job)) return false;
      seen(job.seq);
      tasksByJob.set(job.id.toLowerCase(), new OrderedTable<TaskRecord>());
      return true;
    },
    updateJob(job) {
      jobs.replace(job);
    },
    deleteJob(jobId) {
      if (jobs.remove(jobId)) tasksByJob.delete(jobId.toLowerCase());
    },
    listJobs: (afterSeq) => jobs.after(afterSeq),
    getTask: (jobId, taskId) => tasksOf(jobId)?.get(taskId),
    putTask(jobId, task) {
      const tasks = tasksOf(jobId);
      if (tasks === undefined || !tasks.insert(task)) return false;
      seen(task.seq);
      return true;
    },
    updateTask(jobId, task) {
      tasksOf(jobId)?.replace(task);
    },
    deleteTask(jobId, taskId) {
      tasksOf(jobId)?.remove(taskId);
    },
    listTasks: (jobId, afterSeq) => tasksOf(jobId)?.after(afterSeq) ?? [],
  };
}
