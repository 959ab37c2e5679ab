import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./memory-store.js";
import { type JobRecord, newJobRecord, newTaskRecord, type TaskRecord } from "./records.js";

function job(seq: number, id: string): JobRecord {
  return newJobRecord(seq, { id, poolInfo: { poolId: "p" } }, 0, 1);
}

function task(seq: number, id: string): TaskRecord {
  return newTaskRecord(seq, { id, commandLine: "x" }, 0, 1, 0);
}

const ids = (records: Iterable<{ id: string }>) => [...records].map((r) => r.id);

describe("memory store", () => {
  it("hands out sequence numbers above every one it stored", () => {
    const store = createMemoryStore();
    const a = store.nextSeq();
    expect(store.nextSeq()).toBeGreaterThan(a);
    store.putJob(job(50, "j"));
    expect(store.nextSeq()).toBe(51);
  });

  it("keeps jobs unique ignoring case and tasks per job", () => {
    const store = createMemoryStore();
    expect(store.putJob(job(1, "Job1"))).toBe(true);
    expect(store.putJob(job(3, "JOB1"))).toBe(false);
    expect(() => store.putJob(job(1, "job2"))).toThrow(/increasing sequence order/);
    expect(store.putJob(job(4, "job2"))).toBe(true);
    expect(store.putTask("job1", task(5, "t"))).toBe(true);
    expect(store.putTask("JOB2", task(6, "T"))).toBe(true);
    expect(store.putTask("Job1", task(7, "T"))).toBe(false);
    expect(store.putTask("nosuchjob", task(8, "x"))).toBe(false);
    expect(store.getTask("JOB1", "T")?.seq).toBe(5);
    expect(ids(store.listJobs(1))).toEqual(["job2"]);
    expect(ids(store.listTasks("job1", 0))).toEqual(["t"]);
    expect(ids(store.listTasks("nosuchjob", 0))).toEqual([]);
  });

  it("takes a changed copy of a record in place of the original", () => {
    const store = createMemoryStore();
    store.putJob(job(1, "j"));
    store.putTask("j", task(2, "a"));
    store.putTask("j", task(3, "b"));
    const copy = structuredClone(store.getTask("j", "a")!);
    copy.state = "completed";
    store.updateTask("j", copy);
    expect(store.getTask("j", "A")).toBe(copy);
    expect([...store.listTasks("j", 0)][0]).toBe(copy);
    const jobCopy = { ...store.getJob("j")!, state: "disabled" as const };
    store.updateJob(jobCopy);
    expect(store.getJob("J")?.state).toBe("disabled");
    expect([...store.listJobs(0)][0]).toBe(jobCopy);
  });

  it("ignores an update of a record it no longer holds", () => {
    const store = createMemoryStore();
    store.putJob(job(1, "j"));
    store.putTask("j", task(2, "a"));
    store.deleteTask("j", "a");
    store.putTask("j", task(3, "A"));
    store.updateTask("j", task(2, "a"));
    expect(store.getTask("j", "a")?.seq).toBe(3);
  });

  it("removes a job with all its tasks", () => {
    const store = createMemoryStore();
    store.putJob(job(1, "j"));
    store.putTask("j", task(2, "t"));
    store.deleteJob("J");
    expect(store.getJob("j")).toBeUndefined();
    expect(store.getTask("j", "t")).toBeUndefined();
    // A new job with the same id starts with no tasks.
    store.putJob(job(3, "j"));
    expect(ids(store.listTasks("j", 0))).toEqual([]);
  });

  it("removes single tasks", () => {
    const store = createMemoryStore();
    store.putJob(job(1, "j"));
    store.putTask("j", task(2, "a"));
    store.putTask("j", task(3, "b"));
    store.deleteTask("j", "A");
    expect(ids(store.listTasks("j", 0))).toEqual(["b"]);
    expect(store.getTask("j", "a")).toBeUndefined();
  });
});
