// The service over a store of the caller's: a wrapper around the memory store that keeps a
// copy of each record as last reported (put or update) shows that every operation tells the
// store about every change it makes; those copies, put into a fresh store, give a new service
// the same jobs and tasks, as a persistent store would after a restart.

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BatchStore } from "../store/batch-store.js";
import { createMemoryStore } from "../store/memory-store.js";
import type { JobRecord, TaskRecord } from "../store/records.js";
import { type BatchService, createBatchService } from "./batch-service.js";

const T0 = Date.UTC(2025, 5, 1, 12, 0, 0);

/** A store that passes every call on and keeps a copy of each record as last reported. */
function recordingStore(inner: BatchStore = createMemoryStore()) {
  const jobs = new Map<number, JobRecord>();
  const tasks = new Map<number, { jobSeq: number; record: TaskRecord }>();
  const calls: string[] = [];
  const jobSeqOf = (jobId: string) => inner.getJob(jobId)?.seq ?? -1;
  const store: BatchStore = {
    nextSeq: () => inner.nextSeq(),
    getJob: (jobId) => inner.getJob(jobId),
    putJob(job) {
      const stored = inner.putJob(job);
      calls.push(`putJob ${job.id} ${stored}`);
      if (stored) jobs.set(job.seq, structuredClone(job));
      return stored;
    },
    updateJob(job) {
      calls.push(`updateJob ${job.id} ${job.state}`);
      jobs.set(job.seq, structuredClone(job));
      inner.updateJob(job);
    },
    deleteJob(jobId) {
      calls.push(`deleteJob ${jobId}`);
      const jobSeq = jobSeqOf(jobId);
      jobs.delete(jobSeq);
      for (const [seq, entry] of tasks) if (entry.jobSeq === jobSeq) tasks.delete(seq);
      inner.deleteJob(jobId);
    },
    listJobs: (afterSeq) => inner.listJobs(afterSeq),
    getTask: (jobId, taskId) => inner.getTask(jobId, taskId),
    putTask(jobId, task) {
      const stored = inner.putTask(jobId, task);
      calls.push(`putTask ${jobId}/${task.id} ${stored}`);
      if (stored) tasks.set(task.seq, { jobSeq: jobSeqOf(jobId), record: structuredClone(task) });
      return stored;
    },
    updateTask(jobId, task) {
      calls.push(`updateTask ${jobId}/${task.id} ${task.state}`);
      tasks.set(task.seq, { jobSeq: jobSeqOf(jobId), record: structuredClone(task) });
      inner.updateTask(jobId, task);
    },
    deleteTask(jobId, taskId) {
      calls.push(`deleteTask ${jobId}/${taskId}`);
      const seq = inner.getTask(jobId, taskId)?.seq;
      if (seq !== undefined) tasks.delete(seq);
      inner.deleteTask(jobId, taskId);
    },
    listTasks: (jobId, afterSeq) => inner.listTasks(jobId, afterSeq),
  };

  /** The records as the inner store holds them now (the memory store's live objects). */
  function live() {
    const liveJobs = [...inner.listJobs(0)];
    const liveTasks = liveJobs.flatMap((job) => [...inner.listTasks(job.id, 0)]);
    return { liveJobs, liveTasks };
  }

  /** A new memory store holding the copies, as a persistent store would load them. */
  function replay(): BatchStore {
    const fresh = createMemoryStore();
    const jobIds = new Map<number, string>();
    for (const job of [...jobs.values()].sort((a, b) => a.seq - b.seq)) {
      fresh.putJob(structuredClone(job));
      jobIds.set(job.seq, job.id);
    }
    for (const { jobSeq, record } of [...tasks.values()].sort(
      (a, b) => a.record.seq - b.record.seq,
    )) {
      fresh.putTask(jobIds.get(jobSeq)!, structuredClone(record));
    }
    return fresh;
  }

  return { store, calls, jobs, tasks, live, replay };
}

type Recording = ReturnType<typeof recordingStore>;

/** Every record in the store has been reported as it is now, and nothing else is kept. */
function expectAllChangesReported(recording: Recording): void {
  const { liveJobs, liveTasks } = recording.live();
  expect([...recording.jobs.keys()].sort()).toEqual(liveJobs.map((job) => job.seq).sort());
  for (const job of liveJobs) expect(recording.jobs.get(job.seq)).toEqual(job);
  expect([...recording.tasks.keys()].sort()).toEqual(liveTasks.map((task) => task.seq).sort());
  for (const task of liveTasks) expect(recording.tasks.get(task.seq)?.record).toEqual(task);
}

/** What a client can see of a service: every job, every task, counts and subtasks. */
function snapshot(service: BatchService) {
  const jobs = service.listJobs({ expand: "stats" }).value;
  return jobs.map((job) => ({
    job,
    counts: service.getTaskCounts(job.id!),
    tasks: service.listTasks(job.id!, { expand: "stats" }).value.map((task) => ({
      task,
      subtasks: service.listSubtasks(job.id!, task.id!).value,
    })),
  }));
}

let recording: Recording;
let service: BatchService;

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  recording = recordingStore();
  service = createBatchService({ store: recording.store });
});

afterEach(() => {
  service.dispose();
  vi.useRealTimers();
});

describe("a service over a store of the caller's", () => {
  it("reports every change of every operation to the store", () => {
    const step = (action: () => unknown) => {
      action();
      vi.advanceTimersByTime(1000);
      expectAllChangesReported(recording);
    };
    step(() =>
      service.addJob({
        id: "deps",
        poolInfo: { poolId: "p" },
        usesTaskDependencies: true,
        onTaskFailure: "performexitoptionsjobaction",
        constraints: { maxTaskRetryCount: 1 },
      }),
    );
    step(() => service.addJob({ id: "plain", poolInfo: { poolId: "p" } }));
    step(() => service.addJob({ id: "doomed", poolInfo: { poolId: "p" } }));
    step(() => service.addTask("deps", { id: "parent", commandLine: "x" }));
    step(() =>
      service.addTaskCollection("deps", {
        value: [
          { id: "child", commandLine: "x", dependsOn: { taskIds: ["parent"] } },
          { id: "range", commandLine: "x", dependsOn: { taskIdRanges: [{ start: 1, end: 2 }] } },
          { id: "parent", commandLine: "duplicate" },
          {
            id: "mpi",
            commandLine: "x",
            multiInstanceSettings: { numberOfInstances: 3, coordinationCommandLine: "c" },
          },
        ],
      }),
    );
    step(() => service.startTask("deps", "parent", { node: 2 }));
    step(() => service.completeTask("deps", "parent", { exitCode: 1 })); // retried
    step(() => service.prepareTask("deps", "parent"));
    step(() => service.completeTask("deps", "parent", { exitCode: 0 })); // child may run
    step(() => service.startTask("deps", "mpi"));
    step(() => service.completeSubtask("deps", "mpi", 1, { exitCode: 0 }));
    step(() => service.completeSubtask("deps", "mpi", 0, { exitCode: 0 }));
    step(() => service.completeSubtask("deps", "mpi", 2, { exitCode: 0 }));
    step(() => service.addTask("plain", { id: "a", commandLine: "x" }));
    step(() => service.addTask("plain", { id: "b", commandLine: "x" }));
    step(() => service.addTask("plain", { id: "c", commandLine: "x" }));
    step(() => service.startTask("plain", "a"));
    step(() => service.updateTask("plain", "a", { constraints: { maxWallClockTime: "PT2S" } }));
    step(() => vi.advanceTimersByTime(2000)); // a's watchdog ends it
    step(() => service.reactivateTask("plain", "a"));
    step(() => service.failTask("plain", "b", { category: "usererror", code: "BlobNotFound" }));
    step(() => service.terminateTask("plain", "c"));
    step(() => service.deleteTask("plain", "b"));
    step(() => service.addTask("plain", { id: "B", commandLine: "again" }));
    step(() => service.startTask("plain", "B"));
    step(() => service.terminateJob("plain", { terminateReason: "done" }));
    step(() => service.addTask("doomed", { id: "t", commandLine: "x" }));
    step(() => service.deleteJob("doomed"));

    expect(service.getJob("plain").body.state).toBe("completed");
    expect(() => service.getJob("doomed")).toThrow(/does not exist/);
    expect(recording.calls).toContain("deleteJob doomed");
    expect(recording.calls).toContain("deleteTask plain/b");
  });

  it("lets a new service carry on from what the store kept, with the same jobs and tasks", () => {
    service.addJob({ id: "deps", poolInfo: { poolId: "p" }, usesTaskDependencies: true });
    service.addTask("deps", { id: "1", commandLine: "x" });
    service.addTask("deps", { id: "2", commandLine: "x", dependsOn: { taskIds: ["1"] } });
    service.addTask("deps", { id: "3", commandLine: "x", dependsOn: { taskIds: ["2"] } });
    service.completeTask("deps", "1", { exitCode: 0 });
    service.addJob({
      id: "auto",
      poolInfo: { poolId: "p" },
      onAllTasksComplete: "terminatejob",
      constraints: { maxTaskRetryCount: 2 },
    });
    service.addTask("auto", { id: "x", commandLine: "x" });
    service.completeTask("auto", "x", { exitCode: 4 }); // retried: stats count it
    service.addTask("auto", { id: "y", commandLine: "x" });
    vi.advanceTimersByTime(1000);
    const before = snapshot(service);

    const restarted = createBatchService({ store: recording.replay() });
    try {
      expect(snapshot(restarted)).toEqual(before);
      // The rules carry on from the saved state: the dependency chain, the job action, ETags.
      const eTags = new Set(before.flatMap((job) => job.tasks.map((t) => t.task.eTag)));
      restarted.completeTask("deps", "2", { exitCode: 0 });
      expect(eTags.has(restarted.getTask("deps", "2").eTag)).toBe(false);
      restarted.completeTask("deps", "3", { exitCode: 0 });
      restarted.completeTask("auto", "x", { exitCode: 0 });
      restarted.completeTask("auto", "y", { exitCode: 0 });
      vi.advanceTimersByTime(0);
      expect(restarted.getJob("auto").body).toMatchObject({
        state: "completed",
        executionInfo: { terminateReason: "AllTasksComplete" },
      });
      expect(restarted.getTaskCounts("deps").taskCounts).toMatchObject({ succeeded: 3 });
    } finally {
      restarted.dispose();
    }
  });

  it("requeues, after a restart, the tasks nobody runs any more, and finishes job transitions", () => {
    service.addJob({ id: "j", poolInfo: { poolId: "p" } });
    service.addTask("j", { id: "running", commandLine: "x" });
    service.startTask("j", "running");
    service.addJob({ id: "ending", poolInfo: { poolId: "p" } });
    service.terminateJob("ending", undefined);
    // Copies taken before the job transition ran, as if the process stopped right there.
    const store = recording.replay();
    vi.advanceTimersByTime(5000);

    const restarted = createBatchService({ store });
    try {
      expect(restarted.getTask("j", "running").body).toMatchObject({
        state: "active",
        previousState: "running",
        executionInfo: { requeueCount: 1, lastRequeueTime: new Date(T0 + 5000).toISOString() },
      });
      expect(restarted.getTask("j", "running").body.executionInfo?.startTime).toBeUndefined();
      expect(restarted.getTaskCounts("j").taskCounts).toMatchObject({ active: 1, running: 0 });
      expect(restarted.getJob("ending").body.state).toBe("terminating");
      vi.advanceTimersByTime(0);
      expect(restarted.getJob("ending").body.state).toBe("completed");
    } finally {
      restarted.dispose();
    }
  });
});
