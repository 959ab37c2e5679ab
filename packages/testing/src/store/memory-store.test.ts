import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./memory-store.js";
import { JobRecord, TaskRecord } from "./records.js";

function job(seq: number, id: string): JobRecord {
  return new JobRecord(seq, id, { id, poolInfo: { poolId: "p" } }, 0, 1);
}

function task(seq: number, id: string): TaskRecord {
  return new TaskRecord(seq, id, { id, commandLine: "x" }, 0, 1, 0);
}

describe("memory store", () => {
  it("hands out increasing sequence numbers", () => {
    const store = createMemoryStore();
    const a = store.nextSeq();
    expect(store.nextSeq()).toBeGreaterThan(a);
  });

  it("keeps jobs unique ignoring case and tasks per job", () => {
    const store = createMemoryStore();
    const j1 = job(1, "Job1");
    const j2 = job(2, "job2");
    expect(store.insertJob(j1)).toBe(true);
    expect(store.insertJob(job(3, "JOB1"))).toBe(false);
    expect(store.insertJob(j2)).toBe(true);
    expect(store.insertTask(j1, task(4, "t"))).toBe(true);
    expect(store.insertTask(j2, task(5, "T"))).toBe(true);
    expect(store.insertTask(j1, task(6, "T"))).toBe(false);
    expect(store.getTask(j1, "T")?.seq).toBe(4);
    expect(store.taskCount(j1)).toBe(1);
    expect([...store.jobsAfter(1)].map((j) => j.id)).toEqual(["job2"]);
  });

  it("removes a job with all its tasks", () => {
    const store = createMemoryStore();
    const j1 = job(1, "j");
    const t = task(2, "t");
    store.insertJob(j1);
    store.insertTask(j1, t);
    expect(store.removeJob("J")).toBe(j1);
    expect(store.getJob("j")).toBeUndefined();
    expect(j1.removed).toBe(true);
    expect(t.removed).toBe(true);
  });

  it("removes single tasks", () => {
    const store = createMemoryStore();
    const j1 = job(1, "j");
    store.insertJob(j1);
    store.insertTask(j1, task(2, "a"));
    store.insertTask(j1, task(3, "b"));
    expect(store.removeTask(j1, "A")?.id).toBe("a");
    expect([...store.tasksAfter(j1, 0)].map((t) => t.id)).toEqual(["b"]);
    expect(store.removeTask(j1, "a")).toBeUndefined();
  });
});
