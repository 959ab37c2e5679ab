import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Executor, TaskHandle } from "../executors/executor.js";
import { type BatchService, createBatchService } from "./batch-service.js";
import { ServiceError } from "./service-error.js";

const T0 = Date.UTC(2025, 5, 1, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

/** An executor that only records what the service tells it. */
function recordingExecutor() {
  const runnable: string[] = [];
  const stopped: string[] = [];
  const executor: Executor = {
    kind: "recording",
    attach() {},
    taskRunnable: (task: TaskHandle) => runnable.push(task.taskId),
    taskStopped: (task: TaskHandle) => stopped.push(task.taskId),
    dispose() {},
  };
  return { executor, runnable, stopped };
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError) return error.code;
    throw error;
  }
  return "no error";
}

let service: BatchService;
let recorder: ReturnType<typeof recordingExecutor>;

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  recorder = recordingExecutor();
  service = createBatchService({ executor: recorder.executor });
  service.addJob({ id: "job", poolInfo: { poolId: "pool" } });
});

afterEach(() => {
  service.dispose();
  vi.useRealTimers();
});

const task = (id: string) => service.getTask("job", id).body;
const task2 = (id: string) => service.getTask("strict", id).body;

describe("task lifecycle", () => {
  it("moves active → preparing → running → completed with times and previous states", () => {
    service.addTask("job", { id: "t", commandLine: "x" });
    expect(recorder.runnable).toEqual(["t"]);
    vi.advanceTimersByTime(1000);
    service.prepareTask("job", "t", { node: 1 });
    expect(task("t")).toMatchObject({
      state: "preparing",
      previousState: "active",
      previousStateTransitionTime: iso(T0),
      stateTransitionTime: iso(T0 + 1000),
      nodeInfo: {
        poolId: "pool",
        nodeId: expect.stringContaining("_2-"),
        affinityId: expect.stringMatching(/^TVM:/),
      },
    });
    vi.advanceTimersByTime(1000);
    service.startTask("job", "t");
    expect(task("t")).toMatchObject({
      state: "running",
      previousState: "preparing",
      executionInfo: { startTime: iso(T0 + 2000), retryCount: 0, requeueCount: 0 },
    });
    vi.advanceTimersByTime(1000);
    service.completeTask("job", "t", { exitCode: 0 });
    expect(task("t")).toMatchObject({
      state: "completed",
      previousState: "running",
      stateTransitionTime: iso(T0 + 3000),
      executionInfo: {
        startTime: iso(T0 + 2000),
        endTime: iso(T0 + 3000),
        exitCode: 0,
        result: "success",
      },
    });
    expect(task("t").executionInfo).not.toHaveProperty("failureInfo");
  });

  it("changes the ETag on every state change but Last-Modified only on property changes", () => {
    service.addTask("job", { id: "t", commandLine: "x" });
    const added = service.getTask("job", "t");
    vi.advanceTimersByTime(5000);
    service.startTask("job", "t");
    const started = service.getTask("job", "t");
    expect(started.eTag).not.toBe(added.eTag);
    expect(started.lastModified).toBe(added.lastModified);
    service.updateTask("job", "t", {});
    expect(service.getTask("job", "t").lastModified).toBe(T0 + 5000);
  });

  it("a nonzero exit fails the task with FailureExitCode when no retries are left", () => {
    service.addTask("job", { id: "t", commandLine: "x" });
    service.completeTask("job", "t", { exitCode: 3 });
    expect(task("t")).toMatchObject({
      state: "completed",
      executionInfo: {
        exitCode: 3,
        result: "failure",
        retryCount: 0,
        failureInfo: { category: "usererror", code: "FailureExitCode" },
      },
    });
  });

  it("retries a nonzero exit up to maxTaskRetryCount, then completes", () => {
    service.addTask("job", { id: "t", commandLine: "x", constraints: { maxTaskRetryCount: 2 } });
    service.completeTask("job", "t", { exitCode: 1 });
    expect(task("t")).toMatchObject({
      state: "active",
      previousState: "running",
      executionInfo: { retryCount: 1 },
    });
    expect(task("t").executionInfo).not.toHaveProperty("exitCode");
    expect(recorder.runnable).toEqual(["t", "t"]);
    vi.advanceTimersByTime(500);
    service.startTask("job", "t");
    expect(task("t").executionInfo?.lastRetryTime).toBe(iso(T0 + 500));
    service.completeTask("job", "t", { exitCode: 1 });
    service.completeTask("job", "t", { exitCode: 1 });
    expect(task("t")).toMatchObject({
      state: "completed",
      executionInfo: { retryCount: 2, exitCode: 1, result: "failure" },
    });
  });

  it("retries without limit at -1 and stops retrying on success", () => {
    service.addTask("job", { id: "t", commandLine: "x", constraints: { maxTaskRetryCount: -1 } });
    for (let i = 0; i < 10; i++) service.completeTask("job", "t", { exitCode: 1 });
    expect(task("t")).toMatchObject({ state: "active", executionInfo: { retryCount: 10 } });
    service.completeTask("job", "t", { exitCode: 0 });
    expect(task("t")).toMatchObject({
      state: "completed",
      executionInfo: { retryCount: 10, result: "success" },
    });
  });

  it("does not retry a failure without an exit code", () => {
    service.addTask("job", { id: "t", commandLine: "x", constraints: { maxTaskRetryCount: 3 } });
    service.failTask("job", "t", { category: "usererror", code: "BlobNotFound", message: "gone" });
    expect(task("t")).toMatchObject({
      state: "completed",
      executionInfo: { result: "failure", retryCount: 0, failureInfo: { code: "BlobNotFound" } },
    });
  });

  it("ends a task that runs past maxWallClockTime", () => {
    service.addTask("job", {
      id: "t",
      commandLine: "x",
      constraints: { maxWallClockTime: "PT10S" },
    });
    service.startTask("job", "t");
    vi.advanceTimersByTime(9_999);
    expect(task("t").state).toBe("running");
    vi.advanceTimersByTime(1);
    expect(task("t")).toMatchObject({
      state: "completed",
      executionInfo: { result: "failure", failureInfo: { code: "MaxWallClockTimeExceeded" } },
    });
    expect(recorder.stopped).toEqual(["t"]);
  });

  it("re-arms the wall clock when the constraints change while running", () => {
    service.addTask("job", {
      id: "t",
      commandLine: "x",
      constraints: { maxWallClockTime: "PT10S" },
    });
    service.startTask("job", "t");
    vi.advanceTimersByTime(5_000);
    service.updateTask("job", "t", { constraints: { maxWallClockTime: "PT1M" } });
    vi.advanceTimersByTime(10_000);
    expect(task("t").state).toBe("running");
    vi.advanceTimersByTime(45_000);
    expect(task("t").state).toBe("completed");
  });

  it("reports the run's node once the task starts", () => {
    service.addTask("job", { id: "t", commandLine: "x" });
    expect(task("t")).not.toHaveProperty("nodeInfo");
    service.startTask("job", "t", { node: 0 });
    expect(task("t").nodeInfo).toEqual({
      affinityId: expect.stringMatching(/^TVM:tvm-/),
      nodeUrl: expect.stringMatching(/\/pools\/pool\/nodes\/tvm-/),
      poolId: "pool",
      nodeId: expect.stringMatching(/^tvm-/),
      taskRootDirectory: "workitems/job/job-1/t",
      taskRootDirectoryUrl: expect.stringContaining("/files/workitems/job/job-1/t"),
    });
  });

  it("refuses test controls that skip a state", () => {
    service.addTask("job", { id: "t", commandLine: "x" });
    service.completeTask("job", "t", { exitCode: 0 });
    expect(codeOf(() => service.startTask("job", "t"))).toBe("OperationInvalidForCurrentState");
    expect(codeOf(() => service.completeTask("job", "t", { exitCode: 0 }))).toBe(
      "OperationInvalidForCurrentState",
    );
  });
});

describe("task counts", () => {
  it("counts tasks and slots per state; running includes preparing", () => {
    service.addTask("job", { id: "a", commandLine: "x", requiredSlots: 2 });
    service.addTask("job", { id: "b", commandLine: "x", requiredSlots: 3 });
    service.addTask("job", { id: "c", commandLine: "x" });
    service.addTask("job", { id: "d", commandLine: "x" });
    service.prepareTask("job", "a");
    service.startTask("job", "b");
    service.completeTask("job", "c", { exitCode: 0 });
    service.completeTask("job", "d", { exitCode: 9 });
    service.addTask("job", { id: "e", commandLine: "x", requiredSlots: 4 });
    expect(service.getTaskCounts("job")).toEqual({
      taskCounts: { active: 1, running: 2, completed: 2, succeeded: 1, failed: 1 },
      taskSlotCounts: { active: 4, running: 5, completed: 2, succeeded: 1, failed: 1 },
    });
    service.deleteTask("job", "a");
    expect(service.getTaskCounts("job").taskCounts.running).toBe(1);
  });
});

describe("dependencies", () => {
  beforeEach(() => {
    service.addJob({ id: "deps", poolInfo: { poolId: "p" }, usesTaskDependencies: true });
  });

  const state = (id: string) => service.getTask("deps", id).body.state;

  it("holds a dependent until every parent succeeded", () => {
    service.addTask("deps", { id: "a", commandLine: "x" });
    service.addTask("deps", { id: "b", commandLine: "x" });
    service.addTask("deps", { id: "c", commandLine: "x", dependsOn: { taskIds: ["a", "B"] } });
    expect(recorder.runnable).toEqual(["a", "b"]);
    expect(codeOf(() => service.startTask("deps", "c"))).toBe("OperationInvalidForCurrentState");
    service.completeTask("deps", "a", { exitCode: 0 });
    expect(recorder.runnable).not.toContain("c");
    service.completeTask("deps", "b", { exitCode: 0 });
    expect(recorder.runnable).toContain("c");
    service.startTask("deps", "c");
    expect(state("c")).toBe("running");
  });

  it("never runs a dependent of a parent that failed with the default block", () => {
    service.addTask("deps", { id: "a", commandLine: "x" });
    service.addTask("deps", { id: "c", commandLine: "x", dependsOn: { taskIds: ["a"] } });
    service.completeTask("deps", "a", { exitCode: 1 });
    expect(recorder.runnable).not.toContain("c");
    expect(codeOf(() => service.startTask("deps", "c"))).toBe("OperationInvalidForCurrentState");
    // A reactivated parent that then succeeds releases it.
    service.reactivateTask("deps", "a");
    service.completeTask("deps", "a", { exitCode: 0 });
    expect(recorder.runnable).toContain("c");
  });

  it("lets a failed parent satisfy its dependents when its exit conditions say so", () => {
    service.addTask("deps", {
      id: "a",
      commandLine: "x",
      exitConditions: { exitCodes: [{ code: 2, exitOptions: { dependencyAction: "satisfy" } }] },
    });
    service.addTask("deps", { id: "c", commandLine: "x", dependsOn: { taskIds: ["a"] } });
    service.completeTask("deps", "a", { exitCode: 2 });
    expect(recorder.runnable).toContain("c");
  });

  it("waits on every id of inclusive ranges, including parents added later", () => {
    service.addTask("deps", {
      id: "c",
      commandLine: "x",
      dependsOn: { taskIdRanges: [{ start: 1, end: 3 }] },
    });
    service.addTask("deps", { id: "1", commandLine: "x" });
    service.addTask("deps", { id: "2", commandLine: "x" });
    service.completeTask("deps", "1", { exitCode: 0 });
    service.completeTask("deps", "2", { exitCode: 0 });
    expect(recorder.runnable).not.toContain("c");
    service.addTask("deps", { id: "3", commandLine: "x" });
    service.completeTask("deps", "3", { exitCode: 0 });
    expect(recorder.runnable).toContain("c");
  });

  it("runs a dependent whose parents have already succeeded at once", () => {
    service.addTask("deps", { id: "a", commandLine: "x" });
    service.completeTask("deps", "a", { exitCode: 0 });
    service.addTask("deps", { id: "c", commandLine: "x", dependsOn: { taskIds: ["a"] } });
    expect(recorder.runnable).toContain("c");
  });
});

describe("multi-instance tasks", () => {
  const add = (id: string, extra: object = {}) =>
    service.addTask("job", {
      id,
      commandLine: "mpi",
      multiInstanceSettings: { numberOfInstances: 3, coordinationCommandLine: "coord" },
      ...extra,
    });

  it("completes when its last subtask completes", () => {
    add("m");
    service.prepareTask("job", "m");
    expect(service.listSubtasks("job", "m").value.map((s) => s.state)).toEqual([
      "preparing",
      "preparing",
      "preparing",
    ]);
    service.startTask("job", "m");
    service.completeSubtask("job", "m", 1, { exitCode: 0 });
    service.completeSubtask("job", "m", 2, { exitCode: 0 });
    expect(task("m").state).toBe("running");
    vi.advanceTimersByTime(100);
    service.completeSubtask("job", "m", 0, { exitCode: 0 });
    expect(task("m")).toMatchObject({
      state: "completed",
      executionInfo: { exitCode: 0, result: "success" },
    });
    expect(service.listSubtasks("job", "m").value[0]).toMatchObject({
      id: 0,
      state: "completed",
      previousState: "running",
      exitCode: 0,
      result: "success",
      endTime: iso(T0 + 100),
    });
  });

  it("fails when any subtask fails, and retries as a whole", () => {
    add("m", { constraints: { maxTaskRetryCount: 1 } });
    service.startTask("job", "m");
    service.completeSubtask("job", "m", 2, { exitCode: 5 });
    service.completeSubtask("job", "m", 0, { exitCode: 0 });
    service.completeSubtask("job", "m", 1, { exitCode: 0 });
    expect(task("m")).toMatchObject({ state: "active", executionInfo: { retryCount: 1 } });
    expect(service.listSubtasks("job", "m").value).toEqual([]);
    service.startTask("job", "m");
    service.completeTask("job", "m", { exitCode: 4 });
    expect(task("m")).toMatchObject({
      state: "completed",
      executionInfo: { exitCode: 4, result: "failure" },
    });
  });
});

describe("job terminate", () => {
  it("ends running tasks, leaves active ones unscheduled, then completes", () => {
    service.addTask("job", { id: "run", commandLine: "x" });
    service.addTask("job", { id: "wait", commandLine: "x" });
    service.startTask("job", "run");
    vi.advanceTimersByTime(1000);
    service.terminateJob("job", undefined);
    expect(service.getJob("job").body).toMatchObject({
      state: "terminating",
      previousState: "active",
      executionInfo: { terminateReason: "UserTerminate" },
    });
    expect(task("run")).toMatchObject({
      state: "completed",
      executionInfo: { failureInfo: { code: "TaskEnded" } },
    });
    expect(recorder.stopped).toEqual(["run"]);
    expect(task("wait").state).toBe("active");
    expect(codeOf(() => service.startTask("job", "wait"))).toBe("OperationInvalidForCurrentState");
    expect(codeOf(() => service.terminateJob("job", undefined))).toBe("JobBeingTerminated");
    vi.runAllTimers();
    expect(service.getJob("job").body).toMatchObject({
      state: "completed",
      previousState: "terminating",
      executionInfo: { endTime: iso(T0 + 1000), terminateReason: "UserTerminate" },
    });
    expect(codeOf(() => service.terminateJob("job", undefined))).toBe("JobCompleted");
  });

  it("records the reason given", () => {
    service.terminateJob("job", { terminateReason: "NoLongerNeeded" });
    expect(service.getJob("job").body.executionInfo?.terminateReason).toBe("NoLongerNeeded");
  });

  it("happens on the next tick to a terminatejob job created without tasks", () => {
    service.addJob({ id: "empty", poolInfo: { poolId: "p" }, onAllTasksComplete: "terminatejob" });
    expect(service.getJob("empty").body.state).toBe("active");
    vi.runOnlyPendingTimers();
    expect(service.getJob("empty").body).toMatchObject({
      state: "terminating",
      executionInfo: { terminateReason: "AllTasksComplete" },
    });
    vi.runOnlyPendingTimers();
    expect(service.getJob("empty").body.state).toBe("completed");
  });

  it("does not happen to a terminatejob job that got tasks before that tick", () => {
    service.addJob({ id: "auto", poolInfo: { poolId: "p" }, onAllTasksComplete: "terminatejob" });
    service.addTask("auto", { id: "a", commandLine: "x" });
    vi.runAllTimers();
    expect(service.getJob("auto").body.state).toBe("active");
    service.deleteTask("auto", "a");
    // Deleting the last task leaves none, and no tasks means all tasks are complete.
    expect(service.getJob("auto").body.state).toBe("terminating");
  });

  it("happens by itself when all tasks complete and the job says terminatejob", () => {
    service.addJob({ id: "auto", poolInfo: { poolId: "p" }, onAllTasksComplete: "terminatejob" });
    service.addTask("auto", { id: "a", commandLine: "x" });
    service.addTask("auto", { id: "b", commandLine: "x" });
    service.completeTask("auto", "a", { exitCode: 0 });
    expect(service.getJob("auto").body.state).toBe("active");
    service.completeTask("auto", "b", { exitCode: 1 });
    expect(service.getJob("auto").body).toMatchObject({
      state: "terminating",
      executionInfo: { terminateReason: "AllTasksComplete" },
    });
  });

  it("happens when a task fails and the job performs exit option job actions", () => {
    service.addJob({
      id: "strict",
      poolInfo: { poolId: "p" },
      onTaskFailure: "performexitoptionsjobaction",
    });
    service.addTask("strict", {
      id: "tolerated",
      commandLine: "x",
      exitConditions: { exitCodes: [{ code: 3, exitOptions: { jobAction: "none" } }] },
    });
    service.addTask("strict", { id: "fatal", commandLine: "x" });
    service.completeTask("strict", "tolerated", { exitCode: 3 });
    expect(service.getJob("strict").body.state).toBe("active");
    service.completeTask("strict", "fatal", { exitCode: 1 });
    expect(service.getJob("strict").body).toMatchObject({
      state: "terminating",
      executionInfo: { terminateReason: "TaskFailed" },
    });
  });

  it("happens when the job outlives its maxWallClockTime", () => {
    service.addJob({
      id: "timed",
      poolInfo: { poolId: "p" },
      constraints: { maxWallClockTime: "PT1H" },
    });
    vi.advanceTimersByTime(3_600_000);
    expect(service.getJob("timed").body.executionInfo?.terminateReason).toBe(
      "MaxWallClockTimeExpiry",
    );
  });
});

describe("job disable (a task's jobAction)", () => {
  function disablingJob() {
    service.addJob({
      id: "strict",
      poolInfo: { poolId: "p" },
      onTaskFailure: "performexitoptionsjobaction",
      constraints: { maxWallClockTime: "PT1H" },
    });
    service.addTask("strict", {
      id: "bad",
      commandLine: "x",
      exitConditions: { exitCodes: [{ code: 2, exitOptions: { jobAction: "disable" } }] },
    });
    service.addTask("strict", { id: "running", commandLine: "x" });
    service.addTask("strict", { id: "waiting", commandLine: "x" });
    service.startTask("strict", "running");
    recorder.runnable.length = 0;
    vi.advanceTimersByTime(1000);
    service.completeTask("strict", "bad", { exitCode: 2 });
  }

  it("disables the job and requeues its running tasks", () => {
    disablingJob();
    expect(service.getJob("strict").body).toMatchObject({
      state: "disabling",
      previousState: "active",
    });
    expect(task2("running")).toMatchObject({
      state: "active",
      previousState: "running",
      executionInfo: { requeueCount: 1, lastRequeueTime: iso(T0 + 1000), retryCount: 0 },
    });
    expect(task2("running").executionInfo?.startTime).toBeUndefined();
    expect(recorder.stopped).toEqual(["running"]);
    expect(service.getTaskCounts("strict").taskCounts).toMatchObject({
      active: 2,
      running: 0,
      failed: 1,
    });
    vi.advanceTimersByTime(0);
    expect(service.getJob("strict").body).toMatchObject({
      state: "disabled",
      previousState: "disabling",
    });
  });

  it("starts no task while the job is disabled, which it stays", () => {
    disablingJob();
    vi.advanceTimersByTime(60_000);
    expect(recorder.runnable).toEqual([]);
    expect(codeOf(() => service.startTask("strict", "waiting"))).toBe(
      "OperationInvalidForCurrentState",
    );
    expect(service.getJob("strict").body.state).toBe("disabled");
  });

  it("still takes new tasks and task changes, and can be terminated or run out of time", () => {
    disablingJob();
    vi.advanceTimersByTime(0);
    service.addTask("strict", { id: "new", commandLine: "x" });
    expect(recorder.runnable).toEqual([]);
    service.updateTask("strict", "waiting", { constraints: { maxTaskRetryCount: 1 } });
    service.terminateTask("strict", "waiting");
    service.reactivateTask("strict", "waiting");
    service.deleteTask("strict", "new");
    expect(service.listTasks("strict").value.map((t) => [t.id, t.state])).toEqual([
      ["bad", "completed"],
      ["running", "active"],
      ["waiting", "active"],
    ]);
    vi.advanceTimersByTime(3_600_000);
    expect(service.getJob("strict").body).toMatchObject({
      state: "completed",
      previousState: "terminating",
      executionInfo: { terminateReason: "MaxWallClockTimeExpiry" },
    });
  });

  it("ends with a terminate like any job", () => {
    disablingJob();
    service.terminateJob("strict", undefined);
    vi.runAllTimers();
    expect(service.getJob("strict").body).toMatchObject({
      state: "completed",
      executionInfo: { terminateReason: "UserTerminate" },
    });
  });
});

describe("job delete", () => {
  it("shows deleting, refuses changes, then removes the job and its tasks", () => {
    service.addTask("job", { id: "t", commandLine: "x" });
    service.startTask("job", "t");
    service.deleteJob("job");
    expect(service.getJob("job").body.state).toBe("deleting");
    expect(recorder.stopped).toEqual(["t"]);
    expect(codeOf(() => service.addTask("job", { id: "u", commandLine: "x" }))).toBe(
      "JobBeingDeleted",
    );
    expect(codeOf(() => service.deleteJob("job"))).toBe("JobBeingDeleted");
    expect(codeOf(() => service.terminateJob("job", undefined))).toBe("JobBeingDeleted");
    vi.runAllTimers();
    expect(codeOf(() => service.getJob("job"))).toBe("JobNotFound");
    expect(codeOf(() => service.getTask("job", "t"))).toBe("JobNotFound");
    service.addJob({ id: "job", poolInfo: { poolId: "p" } });
    expect(service.listTasks("job").value).toEqual([]);
  });
});
