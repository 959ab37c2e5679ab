import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type BatchService, createBatchService } from "../service/batch-service.js";
import type { ExecutorHost, TaskHandle } from "./executor.js";
import { createSimulatedExecutor, type SimulatedExecutorOptions } from "./simulated-executor.js";

const T0 = Date.UTC(2025, 5, 1, 12, 0, 0);
let service: BatchService;

function start(options: SimulatedExecutorOptions, job: object = {}) {
  service = createBatchService({ executor: createSimulatedExecutor(options) });
  service.addJob({ id: "job", poolInfo: { poolId: "p" }, ...job });
}

const state = (id: string) => service.getTask("job", id).body.state;
const states = (...ids: string[]) => ids.map(state);

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  service.dispose();
  vi.useRealTimers();
});

describe("simulated executor", () => {
  it("takes a task through preparing and running to completed on its timers", () => {
    start({ preparingMs: 10, durationMs: 100, exitCode: 0 });
    service.addTask("job", { id: "t", commandLine: "x" });
    expect(state("t")).toBe("active");
    vi.advanceTimersByTime(0);
    expect(state("t")).toBe("preparing");
    vi.advanceTimersByTime(10);
    expect(state("t")).toBe("running");
    vi.advanceTimersByTime(99);
    expect(state("t")).toBe("running");
    vi.advanceTimersByTime(1);
    expect(service.getTask("job", "t").body).toMatchObject({
      state: "completed",
      executionInfo: {
        startTime: new Date(T0 + 10).toISOString(),
        endTime: new Date(T0 + 110).toISOString(),
        exitCode: 0,
        result: "success",
      },
    });
  });

  it("ends with the configured exit code, retrying as the constraints allow", () => {
    start({ durationMs: 50, exitCode: (_task, run) => (run.attempt < 3 ? 7 : 0) });
    service.addTask("job", { id: "t", commandLine: "x", constraints: { maxTaskRetryCount: 5 } });
    vi.runAllTimers();
    expect(service.getTask("job", "t").body).toMatchObject({
      state: "completed",
      executionInfo: { exitCode: 0, retryCount: 2, result: "success" },
    });
  });

  it("never uses more slots than it has", () => {
    start({ slots: 2, preparingMs: 0, durationMs: 100 });
    for (const id of ["a", "b", "c"]) service.addTask("job", { id, commandLine: "x" });
    vi.advanceTimersByTime(50);
    expect(states("a", "b", "c")).toEqual(["running", "running", "active"]);
    expect(service.getTaskCounts("job").taskSlotCounts.running).toBe(2);
    vi.advanceTimersByTime(52);
    expect(states("a", "b")).toEqual(["completed", "completed"]);
    expect(["preparing", "running"]).toContain(state("c"));
    vi.runAllTimers();
    expect(state("c")).toBe("completed");
  });

  it("counts requiredSlots and serves tasks first come, first served", () => {
    start({ slots: 3, preparingMs: 0, durationMs: 100 });
    service.addTask("job", { id: "small", commandLine: "x", requiredSlots: 2 });
    service.addTask("job", { id: "big", commandLine: "x", requiredSlots: 3 });
    service.addTask("job", { id: "tiny", commandLine: "x" });
    vi.advanceTimersByTime(50);
    expect(states("small", "big", "tiny")).toEqual(["running", "active", "active"]);
    vi.advanceTimersByTime(60);
    expect(states("small", "big", "tiny")).toEqual(["completed", "running", "active"]);
    vi.runAllTimers();
    expect(states("small", "big", "tiny")).toEqual(["completed", "completed", "completed"]);
  });

  it("keeps to the job's maxParallelTasks", () => {
    start({ slots: 8, preparingMs: 0, durationMs: 100 }, { maxParallelTasks: 1 });
    service.addTask("job", { id: "a", commandLine: "x" });
    service.addTask("job", { id: "b", commandLine: "x" });
    vi.advanceTimersByTime(50);
    expect(states("a", "b")).toEqual(["running", "active"]);
    vi.runAllTimers();
    expect(states("a", "b")).toEqual(["completed", "completed"]);
  });

  it("runs a dependent only after its parent", () => {
    start({ preparingMs: 0, durationMs: 100 }, { usesTaskDependencies: true });
    service.addTask("job", { id: "child", commandLine: "x", dependsOn: { taskIds: ["parent"] } });
    service.addTask("job", { id: "parent", commandLine: "x" });
    vi.advanceTimersByTime(50);
    expect(states("parent", "child")).toEqual(["running", "active"]);
    vi.advanceTimersByTime(100);
    expect(states("parent", "child")).toEqual(["completed", "running"]);
  });

  it("stops when the job is terminated and never starts its active tasks", () => {
    start({ slots: 1, preparingMs: 0, durationMs: 100 });
    service.addTask("job", { id: "a", commandLine: "x" });
    service.addTask("job", { id: "b", commandLine: "x" });
    vi.advanceTimersByTime(50);
    service.terminateJob("job", undefined);
    vi.runAllTimers();
    expect(service.getTask("job", "a").body.executionInfo?.failureInfo?.code).toBe("TaskEnded");
    expect(state("b")).toBe("active");
    expect(service.getJob("job").body.state).toBe("completed");
  });

  it("frees the slot of a task terminated by request", () => {
    start({ slots: 1, preparingMs: 0, durationMs: 1000 });
    service.addTask("job", { id: "a", commandLine: "x" });
    service.addTask("job", { id: "b", commandLine: "x" });
    vi.advanceTimersByTime(10);
    service.terminateTask("job", "a");
    vi.advanceTimersByTime(10);
    expect(state("b")).toBe("running");
  });

  it("reads exit codes and run times from command lines", () => {
    start({ preparingMs: 0 });
    service.addTask("job", { id: "fails", commandLine: '/bin/sh -c "exit 3"' });
    service.addTask("job", { id: "sleeps", commandLine: "/bin/sh -c 'sleep 2'" });
    vi.advanceTimersByTime(1990);
    expect(service.getTask("job", "fails").body.executionInfo?.exitCode).toBe(3);
    expect(state("sleeps")).toBe("running");
    vi.advanceTimersByTime(20);
    expect(state("sleeps")).toBe("completed");
  });

  it("ends a task that runs past its maxWallClockTime", () => {
    start({ preparingMs: 0, durationMs: 60_000 });
    service.addTask("job", {
      id: "t",
      commandLine: "x",
      constraints: { maxWallClockTime: "PT5S" },
    });
    vi.advanceTimersByTime(4_990);
    expect(state("t")).toBe("running");
    vi.advanceTimersByTime(20);
    expect(service.getTask("job", "t").body.executionInfo?.failureInfo?.code).toBe(
      "MaxWallClockTimeExceeded",
    );
  });

  it("runs every instance of a multi-instance task", () => {
    start({ slots: 4, preparingMs: 0, durationMs: 100 });
    service.addTask("job", {
      id: "mpi",
      commandLine: "x",
      multiInstanceSettings: { numberOfInstances: 3, coordinationCommandLine: "c" },
    });
    vi.runAllTimers();
    expect(state("mpi")).toBe("completed");
    expect(service.listSubtasks("job", "mpi").value.map((s) => s.state)).toEqual([
      "completed",
      "completed",
      "completed",
    ]);
  });

  it("picks up tasks that were runnable before it was attached, and stops on dispose", () => {
    const started: string[] = [];
    const task: TaskHandle = {
      jobId: "j",
      taskId: "early",
      seq: 1,
      commandLine: "x",
      requiredSlots: 1,
      numberOfInstances: 0,
      maxParallelTasks: -1,
    };
    const host: ExecutorHost = {
      clock: { now: () => Date.now() },
      timers: {
        setTimeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (h) => clearTimeout(h as never),
      },
      isRunnable: () => true,
      prepare: () => true,
      start: (t) => started.push(t.taskId) > 0,
      complete: () => true,
      completeSubtask: () => true,
      runnableTasks: () => [task],
    };
    const executor = createSimulatedExecutor({ preparingMs: 5 });
    executor.attach(host);
    vi.advanceTimersByTime(5);
    expect(started).toEqual(["early"]);
    executor.dispose();
    expect(vi.getTimerCount()).toBe(0);
    service = createBatchService();
  });
});
