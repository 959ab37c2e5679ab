// Interop with the official JavaScript SDK: @azure/batch 10.2 (ms-rest-js, Shared Key) drives
// the emulator over loopback through every task operation and the job calls, and gets the
// results, statuses, headers and error codes the service would give it. The manual executor
// and the service's test controls put tasks in the states each call needs.

import { BatchServiceClient, BatchSharedKeyCredentials } from "@azure/batch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "../dev-account.js";
import { type Emulator, startEmulator } from "../server/start-emulator.js";
import { createStepTimers } from "../service/step-timers.fixture.js";

let emulator: Emulator;
let client: BatchServiceClient;
// Job transitions (terminating → completed, deleting → gone) wait on these, so a test moves
// them on when it is ready instead of polling.
const step = createStepTimers();
let jobCount = 0;

function newClient(key = DEV_ACCOUNT_KEY): BatchServiceClient {
  // No retry policy: its 5xx backoff is ~30 s. No per-call timeout: ms-rest-js keeps its timer
  // (and the process) alive for the whole timeout even after the answer.
  return new BatchServiceClient(
    new BatchSharedKeyCredentials(DEV_ACCOUNT_NAME, key),
    emulator.url,
    {
      noRetryPolicy: true,
    },
  );
}

/** A fresh job per test, created through the SDK. */
async function newJob(settings: { usesTaskDependencies?: boolean } = {}): Promise<string> {
  const id = `job-${++jobCount}`;
  await client.job.add({ id, poolInfo: { poolId: "pool1" }, ...settings });
  return id;
}

/** The rejection of an SDK call, with the status and Batch error code it carries. */
async function failure(call: Promise<unknown>): Promise<{ statusCode: number; code: string }> {
  try {
    await call;
  } catch (error) {
    const { statusCode, code } = error as { statusCode: number; code: string };
    return { statusCode, code };
  }
  throw new Error("the call succeeded");
}

beforeAll(async () => {
  emulator = await startEmulator({ executor: "manual", service: { timers: step.timers } });
  client = newClient();
});
afterAll(() => emulator.close());

describe("@azure/batch jobs", () => {
  it("adds, gets, lists, counts tasks of, terminates and deletes a job", async () => {
    const added = await client.job.add({ id: "Job-A", poolInfo: { poolId: "pool1" }, priority: 5 });
    expect(added._response.status).toBe(201);
    expect(added.eTag).toMatch(/^0x[0-9A-F]+$/);
    expect(added.dataServiceId).toBe(`${emulator.url}/jobs/Job-A`);

    const job = await client.job.get("job-a");
    expect(job._response.status).toBe(200);
    expect(job).toMatchObject({ id: "Job-A", state: "active", priority: 5 });
    expect(job.poolInfo).toEqual({ poolId: "pool1" });
    expect(job.creationTime).toBeInstanceOf(Date);

    const listed = await client.job.list({ jobListOptions: { filter: "id eq 'Job-A'" } });
    expect(listed.map((entry) => entry.id)).toEqual(["Job-A"]);

    const { service } = emulator;
    await client.task.addCollection(
      "Job-A",
      ["a", "r", "s", "f"].map((id) => ({ id, commandLine: "x" })),
    );
    service.startTask("Job-A", "r");
    service.startTask("Job-A", "s");
    service.completeTask("Job-A", "s", { exitCode: 0 });
    service.startTask("Job-A", "f");
    service.completeTask("Job-A", "f", { exitCode: 2 });
    const counts = await client.job.getTaskCounts("Job-A");
    expect(counts._response.status).toBe(200);
    expect(counts.taskCounts).toEqual({
      active: 1,
      running: 1,
      completed: 2,
      succeeded: 1,
      failed: 1,
    });
    expect(counts.taskSlotCounts).toMatchObject({ active: 1, running: 1, completed: 2 });

    const terminated = await client.job.terminate("Job-A", { terminateReason: "done" });
    expect(terminated._response.status).toBe(202);
    expect((await client.job.get("Job-A")).state).toBe("terminating");
    step.advance();
    const completed = await client.job.get("Job-A");
    expect(completed.state).toBe("completed");
    expect(completed.executionInfo?.terminateReason).toBe("done");

    const deleted = await client.job.deleteMethod("Job-A");
    expect(deleted._response.status).toBe(202);
    expect((await client.job.get("Job-A")).state).toBe("deleting");
    step.advance();
    expect(await failure(client.job.get("Job-A"))).toEqual({
      statusCode: 404,
      code: "JobNotFound",
    });
  });

  it("refuses a job with a bad id, a duplicate one, or none of its required properties", async () => {
    await client.job.add({ id: "dup", poolInfo: { poolId: "p" } });
    expect(await failure(client.job.add({ id: "DUP", poolInfo: { poolId: "p" } }))).toEqual({
      statusCode: 409,
      code: "JobExists",
    });
    expect(await failure(client.job.add({ id: "bad id!", poolInfo: { poolId: "p" } }))).toEqual({
      statusCode: 400,
      code: "InvalidPropertyValue",
    });
    // The SDK checks only what the service definition marks required; the service checks more.
    expect(await failure(client.job.add({ id: "nopool", poolInfo: {} }))).toEqual({
      statusCode: 400,
      code: "MissingRequiredProperty",
    });
  });
});

describe("@azure/batch tasks", () => {
  it("add: 201 with ETag, Last-Modified, DataServiceId and the client-request-id echo", async () => {
    const jobId = await newJob();
    const clientRequestId = "7d1e9a30-8c2b-4f51-9a6e-0b1c2d3e4f50";
    const added = await client.task.add(
      jobId,
      { id: "t1", commandLine: "echo hi", constraints: { maxTaskRetryCount: 2 } },
      { taskAddOptions: { clientRequestId, returnClientRequestId: true } },
    );
    expect(added._response.status).toBe(201);
    expect(added.clientRequestId).toBe(clientRequestId);
    expect(added.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(added.eTag).toMatch(/^0x[0-9A-F]+$/);
    expect(added.lastModified).toBeInstanceOf(Date);
    expect(added.dataServiceId).toBe(`${emulator.url}/jobs/${jobId}/tasks/t1`);
    // Without returnClientRequestId there is no echo.
    const quiet = await client.task.add(jobId, { id: "t2", commandLine: "x" });
    expect(quiet.clientRequestId).toBeUndefined();

    expect(await failure(client.task.add(jobId, { id: "T1", commandLine: "x" }))).toEqual({
      statusCode: 409,
      code: "TaskExists",
    });
    expect(await failure(client.task.add("no-such-job", { id: "t", commandLine: "x" }))).toEqual({
      statusCode: 404,
      code: "JobNotFound",
    });
    expect(await failure(client.task.add(jobId, { id: "a/b", commandLine: "x" }))).toEqual({
      statusCode: 400,
      code: "InvalidPropertyValue",
    });
    expect(
      await failure(
        client.task.add(jobId, { id: "dep", commandLine: "x", dependsOn: { taskIds: ["t1"] } }),
      ),
    ).toEqual({ statusCode: 400, code: "TaskDependenciesNotSpecifiedOnJob" });
  });

  it("addCollection: one result per task, matched by id, the bad ones as clienterrors", async () => {
    const jobId = await newJob();
    await client.task.add(jobId, { id: "exists", commandLine: "x" });
    const result = await client.task.addCollection(jobId, [
      { id: "c1", commandLine: "x" },
      { id: "EXISTS", commandLine: "x" },
      { id: "bad id", commandLine: "x" },
      { id: "c2", commandLine: "x", displayName: "second" },
    ]);
    expect(result._response.status).toBe(200);
    const byId = new Map(result.value?.map((entry) => [entry.taskId, entry]));
    expect(byId.get("c1")).toMatchObject({ status: "success", eTag: expect.any(String) });
    expect(byId.get("c1")?.location).toBe(`${emulator.url}/jobs/${jobId}/tasks/c1`);
    expect(byId.get("c1")?.lastModified).toBeInstanceOf(Date);
    expect(byId.get("EXISTS")).toMatchObject({
      status: "clienterror",
      error: { code: "TaskExists" },
    });
    expect(byId.get("bad id")).toMatchObject({
      status: "clienterror",
      error: { code: "InvalidPropertyValue" },
    });
    expect(byId.get("c2")?.status).toBe("success");
    expect((await client.task.get(jobId, "c2")).displayName).toBe("second");
  });

  it("get: properties, $select, and If-None-Match / If-Match conditions", async () => {
    const jobId = await newJob();
    await client.task.add(jobId, {
      id: "g1",
      commandLine: "/bin/sh -c 'exit 0'",
      environmentSettings: [{ name: "A", value: "1" }],
    });
    const task = await client.task.get(jobId, "g1");
    expect(task._response.status).toBe(200);
    expect(task).toMatchObject({
      id: "g1",
      commandLine: "/bin/sh -c 'exit 0'",
      state: "active",
      environmentSettings: [{ name: "A", value: "1" }],
      requiredSlots: 1,
      url: `${emulator.url}/jobs/${jobId}/tasks/g1`,
    });
    expect(task.constraints?.maxTaskRetryCount).toBe(0);
    expect(task._response.parsedHeaders.eTagHeader).toBe(task.eTag);

    const selected = await client.task.get(jobId, "g1", { taskGetOptions: { select: "id,state" } });
    expect(selected._response.parsedBody).toEqual({
      "odata.metadata": `${emulator.url}/$metadata#tasks/@Element`,
      id: "g1",
      state: "active",
    });

    // Unchanged since the ETag: 304, which the SDK reports as a failed call with that status.
    const notModified = await failure(
      client.task.get(jobId, "g1", { taskGetOptions: { ifNoneMatch: task.eTag } }),
    );
    expect(notModified.statusCode).toBe(304);
    const changed = await client.task.get(jobId, "g1", {
      taskGetOptions: { ifNoneMatch: '"0x1"' },
    });
    expect(changed.id).toBe("g1");
    expect(
      await failure(client.task.get(jobId, "g1", { taskGetOptions: { ifMatch: '"0x1"' } })),
    ).toEqual({ statusCode: 412, code: "ConditionNotMet" });
    expect(await failure(client.task.get(jobId, "nope"))).toEqual({
      statusCode: 404,
      code: "TaskNotFound",
    });
  });

  it("list: $filter, $select and maxresults, then listNext across every page", async () => {
    const jobId = await newJob();
    const ids = Array.from({ length: 25 }, (_, i) => `t${String(i).padStart(2, "0")}`);
    await client.task.addCollection(
      jobId,
      ids.map((id) => ({ id, commandLine: "x" })),
    );
    for (const id of ["t03", "t07"]) {
      emulator.service.startTask(jobId, id);
      emulator.service.completeTask(jobId, id, { exitCode: 0 });
    }

    const seen: string[] = [];
    let page = await client.task.list(jobId, { taskListOptions: { maxResults: 10 } });
    let pages = 1;
    seen.push(...page.map((task) => task.id!));
    while (page.odatanextLink) {
      expect(page.odatanextLink).toMatch(new RegExp(`^${emulator.url}/jobs/${jobId}/tasks\\?`));
      page = await client.task.listNext(page.odatanextLink);
      pages++;
      seen.push(...page.map((task) => task.id!));
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);

    const completed = await client.task.list(jobId, {
      taskListOptions: { filter: "state eq 'completed'", select: "id,state,executionInfo" },
    });
    expect(completed.map((task) => [task.id, task.state, task.executionInfo?.exitCode])).toEqual([
      ["t03", "completed", 0],
      ["t07", "completed", 0],
    ]);
    expect(completed[0]).not.toHaveProperty("commandLine");

    expect(
      await failure(client.task.list(jobId, { taskListOptions: { filter: "state eq" } })),
    ).toEqual({ statusCode: 400, code: "InvalidQueryParameterValue" });
    expect(await failure(client.task.list("no-such-job"))).toEqual({
      statusCode: 404,
      code: "JobNotFound",
    });
  });

  it("listSubtasks: the instances of a multi-instance task", async () => {
    const jobId = await newJob();
    await client.task.add(jobId, {
      id: "mpi",
      commandLine: "mpirun app",
      multiInstanceSettings: { numberOfInstances: 3, coordinationCommandLine: "setup" },
    });
    emulator.service.startTask(jobId, "mpi");
    emulator.service.completeSubtask(jobId, "mpi", 1, { exitCode: 0 });
    const subtasks = await client.task.listSubtasks(jobId, "mpi");
    expect(subtasks._response.status).toBe(200);
    expect(subtasks.value?.map((subtask) => [subtask.id, subtask.state])).toEqual([
      [0, "running"],
      [1, "completed"],
      [2, "running"],
    ]);
    expect(subtasks.value?.[1]?.exitCode).toBe(0);
    expect(subtasks.value?.[0]?.startTime).toBeInstanceOf(Date);

    await client.task.add(jobId, { id: "plain", commandLine: "x" });
    expect((await client.task.listSubtasks(jobId, "plain")).value).toEqual([]);
  });

  it("update: replaces the constraints, honours If-Match, and refuses a completed task", async () => {
    const jobId = await newJob();
    await client.task.add(jobId, { id: "u1", commandLine: "x" });
    const before = await client.task.get(jobId, "u1");
    const updated = await client.task.update(jobId, "u1", {
      constraints: { maxTaskRetryCount: 3, maxWallClockTime: "PT1H", retentionTime: "P1D" },
      taskUpdateOptions: { ifMatch: before.eTag },
    });
    expect(updated._response.status).toBe(200);
    expect(updated.eTag).not.toBe(before.eTag);
    expect((await client.task.get(jobId, "u1")).constraints).toEqual({
      maxTaskRetryCount: 3,
      maxWallClockTime: "PT1H",
      retentionTime: "P1D",
    });
    expect(
      await failure(
        client.task.update(jobId, "u1", {
          constraints: { maxTaskRetryCount: 1 },
          taskUpdateOptions: { ifMatch: before.eTag },
        }),
      ),
    ).toEqual({ statusCode: 412, code: "ConditionNotMet" });
    expect(
      await failure(client.task.update(jobId, "u1", { constraints: { maxTaskRetryCount: -2 } })),
    ).toEqual({ statusCode: 400, code: "InvalidPropertyValue" });

    emulator.service.startTask(jobId, "u1");
    emulator.service.completeTask(jobId, "u1", { exitCode: 0 });
    expect(await failure(client.task.update(jobId, "u1", {}))).toEqual({
      statusCode: 409,
      code: "TaskCompleted",
    });
  });

  it("terminate, then reactivate: 204s, the failure and its reset", async () => {
    const jobId = await newJob();
    await client.task.add(jobId, { id: "r1", commandLine: "x" });
    emulator.service.startTask(jobId, "r1");
    const terminated = await client.task.terminate(jobId, "r1");
    expect(terminated._response.status).toBe(204);
    const ended = await client.task.get(jobId, "r1");
    expect(ended.state).toBe("completed");
    expect(ended.previousState).toBe("running");
    expect(ended.executionInfo).toMatchObject({
      result: "failure",
      failureInfo: { category: "usererror", code: "TaskEnded" },
    });

    const reactivated = await client.task.reactivate(jobId, "r1");
    expect(reactivated._response.status).toBe(204);
    const again = await client.task.get(jobId, "r1");
    expect(again.state).toBe("active");
    expect(again.executionInfo).toMatchObject({ retryCount: 0, requeueCount: 0 });
    expect(again.executionInfo?.result).toBeUndefined();

    // Reactivating needs a completed, failed task.
    expect(await failure(client.task.reactivate(jobId, "r1"))).toEqual({
      statusCode: 409,
      code: "TaskNotCompleted",
    });
    emulator.service.startTask(jobId, "r1");
    emulator.service.completeTask(jobId, "r1", { exitCode: 0 });
    expect(await failure(client.task.reactivate(jobId, "r1"))).toEqual({
      statusCode: 409,
      code: "TaskSucceeded",
    });
    expect(await failure(client.task.terminate(jobId, "missing"))).toEqual({
      statusCode: 404,
      code: "TaskNotFound",
    });
  });

  it("deleteMethod: 200, then the task is gone", async () => {
    const jobId = await newJob();
    await client.task.add(jobId, { id: "d1", commandLine: "x" });
    const deleted = await client.task.deleteMethod(jobId, "d1", {
      taskDeleteMethodOptions: {
        clientRequestId: "b5a4c3d2-e1f0-4a1b-8c2d-3e4f5a6b7c8d",
        returnClientRequestId: true,
      },
    });
    expect(deleted._response.status).toBe(200);
    expect(deleted.clientRequestId).toBe("b5a4c3d2-e1f0-4a1b-8c2d-3e4f5a6b7c8d");
    expect(await failure(client.task.get(jobId, "d1"))).toEqual({
      statusCode: 404,
      code: "TaskNotFound",
    });
    expect(await failure(client.task.deleteMethod(jobId, "d1"))).toEqual({
      statusCode: 404,
      code: "TaskNotFound",
    });
  });

  it("changes to tasks of a terminated job are refused", async () => {
    const jobId = await newJob();
    await client.job.terminate(jobId);
    step.advance();
    expect((await client.job.get(jobId)).state).toBe("completed");
    expect(await failure(client.task.add(jobId, { id: "late", commandLine: "x" }))).toEqual({
      statusCode: 409,
      code: "JobCompleted",
    });
  });
});

describe("@azure/batch authentication and versions", () => {
  it("a wrong key gets 403 AuthenticationFailed", async () => {
    const wrong = newClient(Buffer.alloc(32, 7).toString("base64"));
    expect(await failure(wrong.job.list())).toEqual({
      statusCode: 403,
      code: "AuthenticationFailed",
    });
  });

  it("an unknown api-version gets UnsupportedRequestVersion", async () => {
    const future = newClient();
    future.apiVersion = "2099-01-01.99.0";
    expect(await failure(future.job.list())).toEqual({
      statusCode: 400,
      code: "UnsupportedRequestVersion",
    });
  });
});

describe("@azure/batch and injected faults", () => {
  it("sees 503 ServerBusy, and a dropped answer after the task was added", async () => {
    const faulty = await startEmulator({
      executor: "manual",
      faults: {
        seed: 1,
        maxConsecutive: 1,
        operations: {
          Job_Add: { rate: 1, kinds: { "503": 1 } },
          Task_Add: { rate: 1, kinds: { "drop-after": 1 } },
        },
      },
    });
    try {
      const sdk = new BatchServiceClient(
        new BatchSharedKeyCredentials(DEV_ACCOUNT_NAME, DEV_ACCOUNT_KEY),
        faulty.url,
        { noRetryPolicy: true },
      );
      expect(await failure(sdk.job.add({ id: "j", poolInfo: { poolId: "p" } }))).toEqual({
        statusCode: 503,
        code: "ServerBusy",
      });
      // At most one fault in a row: the retry goes through.
      await sdk.job.add({ id: "j", poolInfo: { poolId: "p" } });
      const dropped = await failure(sdk.task.add("j", { id: "t", commandLine: "x" }));
      expect(dropped.statusCode).toBeUndefined();
      expect(dropped.code).toMatch(/ECONNRESET|REQUEST_SEND_ERROR/);
      expect(faulty.service.getTask("j", "t").body.id).toBe("t");
      expect(await failure(sdk.task.add("j", { id: "t", commandLine: "x" }))).toEqual({
        statusCode: 409,
        code: "TaskExists",
      });
      expect(faulty.faults?.stats().byKind).toMatchObject({ "503": 1, "drop-after": 1 });
    } finally {
      await faulty.close();
    }
  });
});
