import { beforeEach, describe, expect, it } from "vitest";
import { type BatchService, createBatchService } from "./batch-service.js";
import { UNLIMITED_DURATION } from "./durations.js";
import { ServiceError } from "./service-error.js";

const T0 = Date.UTC(2025, 5, 1, 12, 0, 0);
let now = T0;
let service: BatchService;

function errorOf(action: () => unknown): { status: number; code: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error("expected a ServiceError");
}

beforeEach(() => {
  now = T0;
  service = createBatchService({ now: () => now });
});

describe("Job_Add and Job_Get", () => {
  it("creates a job with the service's defaults", () => {
    const result = service.addJob({ id: "Job1", poolInfo: { poolId: "pool" } });
    expect(result.url).toBe("https://devaccount.eastus.batch.azure.com/jobs/Job1");
    const { body, eTag } = service.getJob("job1");
    expect(eTag).toBe(result.eTag);
    expect(body).toEqual({
      id: "Job1",
      usesTaskDependencies: false,
      url: result.url,
      eTag: result.eTag,
      lastModified: new Date(T0).toISOString(),
      creationTime: new Date(T0).toISOString(),
      state: "active",
      stateTransitionTime: new Date(T0).toISOString(),
      priority: 0,
      maxParallelTasks: -1,
      allowTaskPreemption: false,
      constraints: { maxWallClockTime: UNLIMITED_DURATION, maxTaskRetryCount: 0 },
      poolInfo: { poolId: "pool" },
      onAllTasksComplete: "noaction",
      onTaskFailure: "noaction",
      executionInfo: { startTime: new Date(T0).toISOString(), poolId: "pool" },
    });
  });

  it("refuses a duplicate id ignoring case", () => {
    service.addJob({ id: "Job1", poolInfo: { poolId: "p" } });
    expect(errorOf(() => service.addJob({ id: "JOB1", poolInfo: { poolId: "p" } }))).toEqual({
      status: 409,
      code: "JobExists",
    });
  });

  it("reports a bad body with the service's codes", () => {
    expect(errorOf(() => service.addJob({ id: "x" })).code).toBe("MissingRequiredProperty");
    expect(errorOf(() => service.addJob({ id: "x y", poolInfo: { poolId: "p" } })).code).toBe(
      "InvalidPropertyValue",
    );
  });

  it("selects, expands stats and honours conditions", () => {
    service.addJob({ id: "j", poolInfo: { poolId: "p" } });
    service.addTask("j", { id: "t", commandLine: "x" });
    service.completeTask("j", "t", { exitCode: 0 });
    expect(service.getJob("j", { select: "id,state" }).body).toEqual({ id: "j", state: "active" });
    expect(service.getJob("j", { expand: "stats" }).body.stats).toMatchObject({
      numSucceededTasks: 1,
      numFailedTasks: 0,
      numTaskRetries: 0,
    });
    const { eTag } = service.getJob("j");
    expect(errorOf(() => service.getJob("j", { conditions: { ifNoneMatch: eTag } })).status).toBe(
      304,
    );
    expect(errorOf(() => service.deleteJob("j", { conditions: { ifMatch: "0x1" } })).status).toBe(
      412,
    );
    expect(
      errorOf(() => service.terminateJob("j", undefined, { conditions: { ifNoneMatch: eTag } }))
        .status,
    ).toBe(412);
    expect(errorOf(() => service.getJob("nope")).code).toBe("JobNotFound");
  });
});

describe("Job_List", () => {
  it("pages, filters and selects", () => {
    for (let i = 0; i < 7; i++)
      service.addJob({ id: `job${i}`, poolInfo: { poolId: i < 3 ? "a" : "b" } });
    const first = service.listJobs({ maxResults: 5, select: "id" });
    expect(first.value).toEqual(["job0", "job1", "job2", "job3", "job4"].map((id) => ({ id })));
    const second = service.listJobs({
      maxResults: 5,
      select: "id",
      skipToken: first.continuationToken,
    });
    expect(second.value.map((j) => j.id)).toEqual(["job5", "job6"]);
    expect(second.continuationToken).toBeUndefined();
    expect(service.listJobs({ filter: "executionInfo/poolId eq 'a'" }).value).toHaveLength(3);
    expect(errorOf(() => service.listJobs({ filter: "executionInfo/exitCode eq 1" })).code).toBe(
      "InvalidQueryParameterValue",
    );
    expect(
      errorOf(() => service.listJobs({ skipToken: first.continuationToken?.replace(/./, "x") }))
        .code,
    ).toBe("InvalidQueryParameterValue");
  });
});

describe("Job_GetTaskCounts", () => {
  it("answers JobNotFound for a missing job and zeros for an empty one", () => {
    expect(errorOf(() => service.getTaskCounts("nope")).code).toBe("JobNotFound");
    service.addJob({ id: "j", poolInfo: { poolId: "p" } });
    expect(service.getTaskCounts("j")).toEqual({
      taskCounts: { active: 0, running: 0, completed: 0, succeeded: 0, failed: 0 },
      taskSlotCounts: { active: 0, running: 0, completed: 0, succeeded: 0, failed: 0 },
    });
  });
});
