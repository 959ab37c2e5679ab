import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryStore } from "../store/memory-store.js";
import { type BatchService, createBatchService } from "./batch-service.js";
import { DEFAULT_RETENTION, UNLIMITED_DURATION } from "./durations.js";
import { ServiceError } from "./service-error.js";

const T0 = Date.UTC(2025, 5, 1, 12, 0, 0);
let now = T0;
let service: BatchService;

function errorOf(action: () => unknown): { status: number; code: string; values?: unknown } {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError)
      return { status: error.status, code: error.code, values: error.values };
    throw error;
  }
  throw new Error("expected a ServiceError");
}

afterEach(() => {
  vi.useRealTimers();
});

beforeEach(() => {
  now = T0;
  service = createBatchService({ now: () => now, baseUrl: "https://acct.region.batch.azure.com" });
  service.addJob({ id: "job1", poolInfo: { poolId: "pool1" } });
});

describe("Task_Add", () => {
  it("stores the task and reports its ETag, Last-Modified and URL", () => {
    const result = service.addTask("job1", { id: "Task1", commandLine: "echo hi" });
    expect(result.url).toBe("https://acct.region.batch.azure.com/jobs/job1/tasks/Task1");
    expect(result.eTag).toMatch(/^0x8D/);
    expect(result.lastModified).toBe(T0);
  });

  it("reports the service's defaults on read", () => {
    service.addTask("job1", { id: "t1", commandLine: "echo hi" });
    const { body } = service.getTask("job1", "t1");
    expect(body).toMatchObject({
      id: "t1",
      state: "active",
      creationTime: new Date(T0).toISOString(),
      stateTransitionTime: new Date(T0).toISOString(),
      lastModified: new Date(T0).toISOString(),
      commandLine: "echo hi",
      userIdentity: { autoUser: { scope: "pool", elevationLevel: "nonadmin" } },
      constraints: {
        maxWallClockTime: UNLIMITED_DURATION,
        retentionTime: DEFAULT_RETENTION,
        maxTaskRetryCount: 0,
      },
      requiredSlots: 1,
      executionInfo: { retryCount: 0, requeueCount: 0 },
    });
    expect(body).not.toHaveProperty("previousState");
    expect(body).not.toHaveProperty("previousStateTransitionTime");
    expect(body).not.toHaveProperty("nodeInfo");
  });

  it("takes maxTaskRetryCount from the job when the task has none", () => {
    service.addJob({
      id: "job2",
      poolInfo: { poolId: "p" },
      constraints: { maxTaskRetryCount: 4 },
    });
    service.addTask("job2", { id: "a", commandLine: "x" });
    service.addTask("job2", { id: "b", commandLine: "x", constraints: { maxTaskRetryCount: 1 } });
    expect(service.getTask("job2", "a").body.constraints?.maxTaskRetryCount).toBe(4);
    expect(service.getTask("job2", "b").body.constraints?.maxTaskRetryCount).toBe(1);
  });

  it("fills numberOfInstances of a multi-instance task", () => {
    service.addTask("job1", {
      id: "mi",
      commandLine: "x",
      multiInstanceSettings: { coordinationCommandLine: "c" },
    });
    expect(service.getTask("job1", "mi").body.multiInstanceSettings).toEqual({
      numberOfInstances: 1,
      coordinationCommandLine: "c",
    });
  });

  it("refuses a duplicate id ignoring case, keeping the first id's case", () => {
    service.addTask("job1", { id: "MyTask", commandLine: "x" });
    expect(
      errorOf(() => service.addTask("job1", { id: "mytask", commandLine: "y" })),
    ).toMatchObject({
      status: 409,
      code: "TaskExists",
    });
    expect(service.getTask("job1", "MYTASK").body.id).toBe("MyTask");
  });

  it("answers JobNotFound for a missing job", () => {
    expect(errorOf(() => service.addTask("nojob", { id: "t", commandLine: "x" }))).toMatchObject({
      status: 404,
      code: "JobNotFound",
    });
  });

  it("refuses dependencies on a job that does not use them", () => {
    expect(
      errorOf(() =>
        service.addTask("job1", { id: "t", commandLine: "x", dependsOn: { taskIds: ["a"] } }),
      ),
    ).toMatchObject({ status: 400, code: "TaskDependenciesNotSpecifiedOnJob" });
  });

  it("refuses changes to tasks of a terminating, completed or deleting job", () => {
    vi.useFakeTimers();
    service.addTask("job1", { id: "t", commandLine: "x" });
    service.terminateJob("job1", undefined);
    expect(errorOf(() => service.addTask("job1", { id: "u", commandLine: "x" })).code).toBe(
      "JobBeingTerminated",
    );
    expect(errorOf(() => service.updateTask("job1", "t", {})).code).toBe("JobBeingTerminated");
    vi.runAllTimers();
    expect(service.getJob("job1").body.state).toBe("completed");
    for (const change of [
      () => service.addTask("job1", { id: "u", commandLine: "x" }),
      () => service.updateTask("job1", "t", {}),
      () => service.terminateTask("job1", "t"),
      () => service.reactivateTask("job1", "t"),
      () => service.deleteTask("job1", "t"),
    ]) {
      expect(errorOf(change)).toMatchObject({ status: 409, code: "JobCompleted" });
    }
    service.addJob({ id: "job3", poolInfo: { poolId: "p" } });
    service.deleteJob("job3");
    expect(errorOf(() => service.addTask("job3", { id: "u", commandLine: "x" }))).toMatchObject({
      status: 409,
      code: "JobBeingDeleted",
    });
  });
});

describe("Task_AddCollection", () => {
  it("adds every valid task and reports one result per task", () => {
    const result = service.addTaskCollection("job1", {
      value: [
        { id: "a", commandLine: "x" },
        { id: "b", commandLine: "x" },
      ],
    });
    expect(result.value).toEqual([
      {
        status: "success",
        taskId: "a",
        eTag: expect.stringMatching(/^0x8D/),
        lastModified: new Date(T0).toISOString(),
        location: "https://acct.region.batch.azure.com/jobs/job1/tasks/a",
      },
      expect.objectContaining({ status: "success", taskId: "b" }),
    ]);
    expect(service.getTaskCounts("job1").taskCounts.active).toBe(2);
  });

  it("reports bad and duplicate tasks as client errors and still adds the others", () => {
    service.addTask("job1", { id: "existing", commandLine: "x" });
    const result = service.addTaskCollection("job1", {
      value: [
        { id: "ok1", commandLine: "x" },
        { id: "bad id", commandLine: "x" },
        { id: "dup", commandLine: "x" },
        { id: "DUP", commandLine: "x" },
        { id: "EXISTING", commandLine: "x" },
        { id: "nocmd" },
        { id: "ok2", commandLine: "x" },
      ],
    });
    const byId = Object.fromEntries(result.value!.map((r) => [r.taskId, r]));
    expect(byId.ok1?.status).toBe("success");
    expect(byId.ok2?.status).toBe("success");
    expect(byId.dup?.status).toBe("success");
    expect(byId["bad id"]).toMatchObject({
      status: "clienterror",
      error: { code: "InvalidPropertyValue", message: { lang: "en-US" } },
    });
    expect(byId.DUP).toMatchObject({ status: "clienterror", error: { code: "TaskExists" } });
    expect(byId.EXISTING).toMatchObject({ status: "clienterror", error: { code: "TaskExists" } });
    expect(byId.nocmd).toMatchObject({
      status: "clienterror",
      error: {
        code: "MissingRequiredProperty",
        values: [{ key: "PropertyName", value: "commandLine" }],
      },
    });
    expect(service.getTaskCounts("job1").taskCounts.active).toBe(4);
  });

  it("refuses more than 100 tasks, or none, as a whole", () => {
    const value = Array.from({ length: 101 }, (_, i) => ({ id: `t${i}`, commandLine: "x" }));
    expect(errorOf(() => service.addTaskCollection("job1", { value }))).toMatchObject({
      status: 400,
      code: "InvalidPropertyValue",
    });
    expect(service.getTaskCounts("job1").taskCounts.active).toBe(0);
    expect(errorOf(() => service.addTaskCollection("job1", { value: [] })).status).toBe(400);
    expect(errorOf(() => service.addTaskCollection("job1", {})).code).toBe(
      "MissingRequiredProperty",
    );
    expect(errorOf(() => service.addTaskCollection("job1", { value: {} })).code).toBe(
      "InvalidPropertyValue",
    );
  });

  it("refuses an unknown property of the collection as a whole, and of a task as its result", () => {
    const task = { id: "t", commandLine: "x" };
    expect(
      errorOf(() => service.addTaskCollection("job1", { value: [task], force: true })),
    ).toMatchObject({ status: 400, code: "UnsupportedProperty" });
    expect(service.getTaskCounts("job1").taskCounts.active).toBe(0);
    const { value = [] } = service.addTaskCollection("job1", {
      "odata.metadata": "https://x/$metadata#tasks",
      value: [task, { id: "u", commandLine: "x", priority: 3 }],
    });
    expect(value[0]?.status).toBe("success");
    expect(value[1]).toMatchObject({
      status: "clienterror",
      taskId: "u",
      error: {
        code: "UnsupportedProperty",
        values: [
          { key: "PropertyName", value: "priority" },
          { key: "Reason", value: "priority: this property is not supported here." },
        ],
      },
    });
    expect(() => service.getTask("job1", "u")).toThrow(/does not exist/);
  });

  it("reports a task its store could not write as a servererror, and adds the others", () => {
    const inner = createMemoryStore();
    const flaky = createBatchService({
      store: {
        ...inner,
        putTask(jobId, task) {
          if (task.id === "unlucky") throw new Error("disk full");
          return inner.putTask(jobId, task);
        },
      },
    });
    flaky.addJob({ id: "j", poolInfo: { poolId: "p" } });
    const { value = [] } = flaky.addTaskCollection("j", {
      value: [
        { id: "lucky", commandLine: "x" },
        { id: "unlucky", commandLine: "x" },
      ],
    });
    expect(value.map((result) => result.status)).toEqual(["success", "servererror"]);
    expect(value[1]).toMatchObject({
      taskId: "unlucky",
      error: { code: "InternalError", message: { value: expect.stringContaining("disk full") } },
    });
    expect(flaky.listTasks("j").value.map((task) => task.id)).toEqual(["lucky"]);
    expect(flaky.getTaskCounts("j").taskCounts.active).toBe(1);
    expect(errorOf(() => flaky.addTask("j", { id: "unlucky", commandLine: "x" }))).toMatchObject({
      status: 500,
      code: "InternalError",
    });
    flaky.dispose();
  });

  it("takes the collection limit from the options", () => {
    const small = createBatchService({ limits: { maxTasksPerCollection: 2 } });
    small.addJob({ id: "j", poolInfo: { poolId: "p" } });
    const value = Array.from({ length: 3 }, (_, i) => ({ id: `t${i}`, commandLine: "x" }));
    expect(errorOf(() => small.addTaskCollection("j", { value })).status).toBe(400);
  });
});

describe("Task_Get", () => {
  beforeEach(() => {
    service.addTask("job1", { id: "t1", commandLine: "x" });
  });

  it("answers TaskNotFound for a missing task", () => {
    expect(errorOf(() => service.getTask("job1", "nope"))).toMatchObject({
      status: 404,
      code: "TaskNotFound",
    });
  });

  it("projects $select and adds stats for $expand=stats", () => {
    const selected = service.getTask("job1", "t1", { select: "id,state" }).body;
    expect(selected).toEqual({ id: "t1", state: "active" });
    const expanded = service.getTask("job1", "t1", { expand: "stats" }).body;
    expect(expanded.stats).toMatchObject({ url: expect.stringContaining("/stats"), readIOps: 0 });
    expect(service.getTask("job1", "t1").body).not.toHaveProperty("stats");
    expect(errorOf(() => service.getTask("job1", "t1", { select: "bogus" })).code).toBe(
      "InvalidQueryParameterValue",
    );
  });

  it("applies conditional headers as a read", () => {
    const { eTag } = service.getTask("job1", "t1");
    expect(
      errorOf(() => service.getTask("job1", "t1", { conditions: { ifNoneMatch: eTag } })).status,
    ).toBe(304);
    expect(
      errorOf(() => service.getTask("job1", "t1", { conditions: { ifMatch: "0x1" } })).status,
    ).toBe(412);
    expect(service.getTask("job1", "t1", { conditions: { ifMatch: eTag } }).eTag).toBe(eTag);
  });
});

describe("Task_List", () => {
  beforeEach(() => {
    for (let i = 0; i < 25; i++) service.addTask("job1", { id: `t${i}`, commandLine: "x" });
  });

  it("pages with continuation tokens until the end", () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = service.listTasks("job1", { maxResults: 10, skipToken: token });
      seen.push(...page.value.map((t) => t.id!));
      token = page.continuationToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `t${i}`));
  });

  it("gives no continuation when the last page is exactly full", () => {
    const first = service.listTasks("job1", { maxResults: 25 });
    expect(first.value).toHaveLength(25);
    expect(first.continuationToken).toBeUndefined();
  });

  it("shows tasks added between pages later, without repeats or gaps", () => {
    const first = service.listTasks("job1", { maxResults: 10 });
    service.addTask("job1", { id: "late", commandLine: "x" });
    service.deleteTask("job1", "t3");
    service.deleteTask("job1", "t12");
    const rest: string[] = [];
    let token = first.continuationToken;
    while (token) {
      const page = service.listTasks("job1", { maxResults: 10, skipToken: token });
      rest.push(...page.value.map((t) => t.id!));
      token = page.continuationToken;
    }
    const expected = Array.from({ length: 15 }, (_, i) => `t${i + 10}`).filter(
      (id) => id !== "t12",
    );
    expect(rest).toEqual([...expected, "late"]);
  });

  it("filters, selects and validates its options", () => {
    service.completeTask("job1", "t1", { exitCode: 0 });
    service.completeTask("job1", "t2", { exitCode: 3 });
    const completed = service.listTasks("job1", { filter: "state eq 'completed'", select: "id" });
    expect(completed.value).toEqual([{ id: "t1" }, { id: "t2" }]);
    const failed = service.listTasks("job1", { filter: "executionInfo/exitCode gt 0" });
    expect(failed.value.map((t) => t.id)).toEqual(["t2"]);
    expect(service.listTasks("job1", { filter: "startswith(id, 't2')" }).value).toHaveLength(6);
    expect(errorOf(() => service.listTasks("job1", { filter: "state eq" })).code).toBe(
      "InvalidQueryParameterValue",
    );
    expect(errorOf(() => service.listTasks("job1", { maxResults: 1001 })).code).toBe(
      "OutOfRangeQueryParameterValue",
    );
    expect(errorOf(() => service.listTasks("job1", { skipToken: "nonsense" })).code).toBe(
      "InvalidQueryParameterValue",
    );
  });

  it("continues a filtered list where the last match was", () => {
    const page = service.listTasks("job1", { filter: "startswith(id, 't1')", maxResults: 4 });
    expect(page.value.map((t) => t.id)).toEqual(["t1", "t10", "t11", "t12"]);
    const next = service.listTasks("job1", {
      filter: "startswith(id, 't1')",
      skipToken: page.continuationToken,
    });
    expect(next.value.map((t) => t.id)).toEqual(["t13", "t14", "t15", "t16", "t17", "t18", "t19"]);
    expect(next.continuationToken).toBeUndefined();
  });
});

describe("Task_Update", () => {
  beforeEach(() => {
    service.addTask("job1", {
      id: "t1",
      commandLine: "x",
      constraints: { maxTaskRetryCount: 2, retentionTime: "P1D" },
    });
  });

  it("replaces the constraints and changes ETag and Last-Modified", () => {
    const before = service.getTask("job1", "t1");
    now += 5000;
    const result = service.updateTask("job1", "t1", {
      constraints: { maxWallClockTime: "PT1H", maxTaskRetryCount: 5 },
    });
    expect(result.eTag).not.toBe(before.eTag);
    expect(result.lastModified).toBe(now);
    expect(service.getTask("job1", "t1").body.constraints).toEqual({
      maxWallClockTime: "PT1H",
      retentionTime: DEFAULT_RETENTION,
      maxTaskRetryCount: 5,
    });
  });

  it("refuses what it cannot change, and changes nothing", () => {
    const before = service.getTask("job1", "t1");
    expect(errorOf(() => service.updateTask("job1", "t1", { commandLine: "y" }))).toMatchObject({
      status: 400,
      code: "UnsupportedProperty",
    });
    expect(service.getTask("job1", "t1")).toEqual(before);
  });

  it("goes back to the defaults when constraints or the body are absent", () => {
    service.updateTask("job1", "t1", {});
    expect(service.getTask("job1", "t1").body.constraints).toEqual({
      maxWallClockTime: UNLIMITED_DURATION,
      retentionTime: DEFAULT_RETENTION,
      maxTaskRetryCount: 0,
    });
    service.updateTask("job1", "t1", { constraints: { maxTaskRetryCount: 1 } });
    service.updateTask("job1", "t1", undefined);
    expect(service.getTask("job1", "t1").body.constraints?.maxTaskRetryCount).toBe(0);
  });

  it("refuses a completed task, bad constraints and unmet conditions", () => {
    expect(
      errorOf(() => service.updateTask("job1", "t1", { constraints: { maxTaskRetryCount: "x" } }))
        .code,
    ).toBe("InvalidPropertyValue");
    expect(
      errorOf(() => service.updateTask("job1", "t1", {}, { conditions: { ifMatch: "0x1" } })),
    ).toMatchObject({
      status: 412,
      code: "ConditionNotMet",
    });
    const { eTag } = service.getTask("job1", "t1");
    expect(
      errorOf(() => service.updateTask("job1", "t1", {}, { conditions: { ifNoneMatch: eTag } }))
        .status,
    ).toBe(412);
    service.completeTask("job1", "t1", { exitCode: 0 });
    expect(errorOf(() => service.updateTask("job1", "t1", {}))).toMatchObject({
      status: 409,
      code: "TaskCompleted",
    });
  });
});

describe("Task_Terminate", () => {
  beforeEach(() => {
    service.addTask("job1", { id: "t1", commandLine: "x" });
  });

  it("completes the task with failure TaskEnded and no exit code", () => {
    service.startTask("job1", "t1");
    now += 1000;
    service.terminateTask("job1", "t1");
    const { body } = service.getTask("job1", "t1");
    expect(body.state).toBe("completed");
    expect(body.previousState).toBe("running");
    expect(body.executionInfo).toMatchObject({
      result: "failure",
      failureInfo: { category: "usererror", code: "TaskEnded" },
      endTime: new Date(now).toISOString(),
    });
    expect(body.executionInfo).not.toHaveProperty("exitCode");
  });

  it("refuses a completed task", () => {
    service.terminateTask("job1", "t1");
    expect(errorOf(() => service.terminateTask("job1", "t1"))).toMatchObject({
      status: 409,
      code: "TaskCompleted",
    });
  });
});

describe("Task_Reactivate", () => {
  beforeEach(() => {
    service.addTask("job1", { id: "t1", commandLine: "x", constraints: { maxTaskRetryCount: 1 } });
  });

  it("refuses a task that has not completed, or succeeded", () => {
    expect(errorOf(() => service.reactivateTask("job1", "t1"))).toMatchObject({
      status: 409,
      code: "TaskNotCompleted",
    });
    service.completeTask("job1", "t1", { exitCode: 0 });
    expect(errorOf(() => service.reactivateTask("job1", "t1"))).toMatchObject({
      status: 409,
      code: "TaskSucceeded",
    });
  });

  it("returns a failed task to active with its run information cleared", () => {
    service.completeTask("job1", "t1", { exitCode: 2 });
    service.completeTask("job1", "t1", { exitCode: 2 });
    expect(service.getTask("job1", "t1").body.executionInfo).toMatchObject({
      retryCount: 1,
      exitCode: 2,
    });
    service.reactivateTask("job1", "t1");
    const { body } = service.getTask("job1", "t1");
    expect(body.state).toBe("active");
    expect(body.previousState).toBe("completed");
    expect(body.executionInfo).toEqual({ retryCount: 0, requeueCount: 0 });
    expect(body).not.toHaveProperty("nodeInfo");
    expect(service.getTaskCounts("job1").taskCounts).toMatchObject({ active: 1, failed: 0 });
  });
});

describe("Task_Delete", () => {
  it("removes the task; a second delete is TaskNotFound", () => {
    service.addTask("job1", { id: "t1", commandLine: "x" });
    service.deleteTask("job1", "T1");
    expect(errorOf(() => service.getTask("job1", "t1")).code).toBe("TaskNotFound");
    expect(errorOf(() => service.deleteTask("job1", "t1")).code).toBe("TaskNotFound");
    expect(service.getTaskCounts("job1").taskCounts.active).toBe(0);
    service.addTask("job1", { id: "t1", commandLine: "again" });
    expect(service.getTask("job1", "t1").body.commandLine).toBe("again");
  });

  it("honours If-Match", () => {
    service.addTask("job1", { id: "t1", commandLine: "x" });
    expect(
      errorOf(() => service.deleteTask("job1", "t1", { conditions: { ifMatch: "0x1" } })).status,
    ).toBe(412);
    const { eTag } = service.getTask("job1", "t1");
    service.deleteTask("job1", "t1", { conditions: { ifMatch: eTag } });
  });
});

describe("Task_ListSubtasks", () => {
  it("is empty for an ordinary task and lists the instances of a multi-instance one", () => {
    service.addTask("job1", { id: "plain", commandLine: "x" });
    expect(service.listSubtasks("job1", "plain").value).toEqual([]);
    service.addTask("job1", {
      id: "mpi",
      commandLine: "x",
      multiInstanceSettings: { numberOfInstances: 3, coordinationCommandLine: "c" },
    });
    service.startTask("job1", "mpi", { node: 2 });
    const { value } = service.listSubtasks("job1", "mpi");
    expect(value.map((s) => s.id)).toEqual([0, 1, 2]);
    expect(value[1]).toMatchObject({
      state: "running",
      startTime: new Date(T0).toISOString(),
      nodeInfo: { poolId: "pool1", nodeId: expect.stringContaining("_4-") },
    });
    expect(service.listSubtasks("job1", "mpi", { select: "id,state" }).value[0]).toEqual({
      id: 0,
      state: "running",
    });
  });

  it("carries the task's version, which moves with each subtask", () => {
    service.addTask("job1", {
      id: "mpi",
      commandLine: "x",
      multiInstanceSettings: { numberOfInstances: 2, coordinationCommandLine: "c" },
    });
    service.startTask("job1", "mpi");
    const before = service.listSubtasks("job1", "mpi");
    expect(before).toMatchObject({
      eTag: service.getTask("job1", "mpi").eTag,
      lastModified: T0,
    });
    service.completeSubtask("job1", "mpi", 1, { exitCode: 0 });
    expect(service.listSubtasks("job1", "mpi").eTag).not.toBe(before.eTag);
  });
});
