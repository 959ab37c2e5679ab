import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type BatchService, createBatchService } from "../service/batch-service.js";
import { type BatchHandlersOptions, batchHandlers } from "./batch-handlers.js";
import type { OperationMiddleware } from "./operation-middleware.js";
import { ROUTES } from "./routes.js";
import { signedFetch } from "./signed-fetch.fixture.js";

const BASE = "https://devaccount.eastus.batch.azure.com";
const V = "api-version=2025-06-01";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let service: BatchService;
let middleware: OperationMiddleware | undefined;
const server = setupServer();

function install(options: BatchHandlersOptions = {}) {
  server.resetHandlers(
    ...batchHandlers(service, {
      baseUrl: BASE,
      faults: (call, next) => (middleware ? middleware(call, next) : next()),
      ...options,
    }),
  );
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  middleware = undefined;
  service = createBatchService();
  service.addJob({ id: "job1", poolInfo: { poolId: "pool1" } });
  install();
});
afterEach(() => service.dispose());

const call = (path: string, init: Parameters<typeof signedFetch>[1] = {}) =>
  signedFetch(`${BASE}${path}${path.includes("?") ? "&" : "?"}${V}`, init);

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/json;odata=minimalmetadata");
  const requestId = response.headers.get("request-id");
  expect(requestId).toMatch(UUID);
  const body = await response.json();
  expect(body).toMatchObject({
    "odata.metadata": `${BASE}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element`,
    code,
    message: { lang: "en-US" },
  });
  expect(body.message.value).toContain(`\nRequestId:${requestId}\nTime:`);
  return body;
}

describe("task operations over msw", () => {
  it("Task_Add: 201, no body, ETag, Last-Modified, DataServiceId", async () => {
    const response = await call("/jobs/job1/tasks", {
      method: "POST",
      json: { id: "t1", commandLine: "echo" },
    });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("");
    expect(response.headers.get("request-id")).toMatch(UUID);
    expect(response.headers.get("etag")).toMatch(/^0x8D[0-9A-F]+$/);
    expect(response.headers.get("last-modified")).toMatch(
      /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
    );
    expect(response.headers.get("dataserviceid")).toBe(`${BASE}/jobs/job1/tasks/t1`);
    expect(response.headers.get("dataserviceversion")).toBe("3.0");
    expect(response.headers.has("client-request-id")).toBe(false);
  });

  it("Task_Get: 200 OData JSON with headers matching the body", async () => {
    service.addTask("job1", { id: "t1", commandLine: "echo" });
    const response = await call("/jobs/job1/tasks/t1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json;odata=minimalmetadata");
    const body = await response.json();
    expect(body["odata.metadata"]).toBe(`${BASE}/$metadata#tasks/@Element`);
    expect(body).toMatchObject({ id: "t1", state: "active", url: `${BASE}/jobs/job1/tasks/t1` });
    expect(response.headers.get("etag")).toBe(body.eTag);
    expect(response.headers.get("dataserviceid")).toBe(body.url);
  });

  it("Task_Get with $select and $expand", async () => {
    service.addTask("job1", { id: "t1", commandLine: "echo" });
    const body = await (await call("/jobs/job1/tasks/t1?$select=id,state")).json();
    expect(Object.keys(body).sort()).toEqual(["id", "odata.metadata", "state"]);
    const expanded = await (await call("/jobs/job1/tasks/t1?$expand=stats")).json();
    expect(expanded.stats).toBeDefined();
    await expectError(
      await call("/jobs/job1/tasks/t1?$select=nope"),
      400,
      "InvalidQueryParameterValue",
    );
  });

  it("answers the exact success status of every task operation", async () => {
    service.addTask("job1", { id: "t1", commandLine: "x" });
    const statuses = [
      (
        await call("/jobs/job1/tasks/t1", {
          method: "PUT",
          json: { constraints: { maxTaskRetryCount: 1 } },
        })
      ).status,
      (await call("/jobs/job1/tasks/t1/subtasksinfo")).status,
      (await call("/jobs/job1/tasks/t1/terminate", { method: "POST" })).status,
      (await call("/jobs/job1/tasks/t1/reactivate", { method: "POST" })).status,
      (await call("/jobs/job1/tasks")).status,
      (await call("/jobs/job1/tasks/t1", { method: "DELETE" })).status,
    ];
    expect(statuses).toEqual([200, 200, 204, 204, 200, 200]);
  });

  it("Task_Update, Terminate and Reactivate send write headers and no body", async () => {
    service.addTask("job1", { id: "t1", commandLine: "x" });
    for (const [path, method, status] of [
      ["/jobs/job1/tasks/t1", "PUT", 200],
      ["/jobs/job1/tasks/t1/terminate", "POST", 204],
      ["/jobs/job1/tasks/t1/reactivate", "POST", 204],
    ] as const) {
      const response = await call(path, { method, ...(method === "PUT" && { json: {} }) });
      expect(response.status).toBe(status);
      expect(await response.text()).toBe("");
      expect(response.headers.get("etag")).toMatch(/^0x8D/);
      expect(response.headers.get("dataserviceid")).toBe(`${BASE}/jobs/job1/tasks/t1`);
    }
  });

  it("Task_Update with an empty body resets the constraints", async () => {
    service.addTask("job1", { id: "t1", commandLine: "x", constraints: { maxTaskRetryCount: 3 } });
    expect((await call("/jobs/job1/tasks/t1", { method: "PUT" })).status).toBe(200);
    expect(service.getTask("job1", "t1").body.constraints?.maxTaskRetryCount).toBe(0);
  });

  it("Task_Update refuses a property it cannot change with 400 UnsupportedProperty", async () => {
    service.addTask("job1", { id: "t1", commandLine: "x" });
    const before = service.getTask("job1", "t1");
    const response = await call("/jobs/job1/tasks/t1", {
      method: "PUT",
      json: { commandLine: "y" },
    });
    const body = await expectError(response, 400, "UnsupportedProperty");
    expect(body.values).toEqual([
      { key: "PropertyName", value: "commandLine" },
      { key: "Reason", value: "commandLine: this property is not supported here." },
    ]);
    expect(service.getTask("job1", "t1")).toEqual(before);
  });

  it("Task_AddCollection: 200 with one TaskAddResult per task", async () => {
    const response = await call("/jobs/job1/addtaskcollection", {
      method: "POST",
      json: {
        value: [
          { id: "a", commandLine: "x" },
          { id: "A", commandLine: "x" },
        ],
      },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body["odata.metadata"]).toBe(`${BASE}/$metadata#taskaddresult`);
    expect(body.value).toEqual([
      expect.objectContaining({
        status: "success",
        taskId: "a",
        location: `${BASE}/jobs/job1/tasks/a`,
      }),
      expect.objectContaining({
        status: "clienterror",
        taskId: "A",
        error: expect.objectContaining({ code: "TaskExists" }),
      }),
    ]);
  });

  it("lists carry ETag and Last-Modified: the job's for tasks, the task's for subtasks", async () => {
    service.addTask("job1", { id: "t1", commandLine: "x" });
    const job = service.getJob("job1");
    const task = service.getTask("job1", "t1");
    const httpDate = (ms: number) => new Date(ms).toUTCString();
    const tasks = await call("/jobs/job1/tasks");
    expect(tasks.headers.get("etag")).toBe(job.eTag);
    expect(tasks.headers.get("last-modified")).toBe(httpDate(job.lastModified));
    const subtasks = await call("/jobs/job1/tasks/t1/subtasksinfo");
    expect(subtasks.headers.get("etag")).toBe(task.eTag);
    expect(subtasks.headers.get("last-modified")).toBe(httpDate(task.lastModified));
  });

  it("the job list carries a version that changes whenever a job does", async () => {
    const first = await call("/jobs");
    expect(first.headers.get("etag")).toBe(service.getJob("job1").eTag);
    expect(first.headers.get("last-modified")).toMatch(/ GMT$/);
    service.addJob({ id: "job2", poolInfo: { poolId: "p" } });
    const second = await call("/jobs");
    expect(second.headers.get("etag")).toBe(service.getJob("job2").eTag);
    // A change of a job that is not the newest moves the list's version too.
    service.terminateJob("job1", undefined);
    const third = await call("/jobs");
    expect(third.headers.get("etag")).not.toBe(second.headers.get("etag"));
  });

  it("Task_ListSubtasks names its entity set", async () => {
    service.addTask("job1", { id: "t1", commandLine: "x" });
    const body = await (await call("/jobs/job1/tasks/t1/subtasksinfo")).json();
    expect(body).toEqual({ "odata.metadata": `${BASE}/$metadata#subtaskinformations`, value: [] });
  });

  it("answers service errors as BatchError JSON", async () => {
    await expectError(await call("/jobs/job1/tasks/nope"), 404, "TaskNotFound");
    await expectError(await call("/jobs/nojob/tasks"), 404, "JobNotFound");
    service.addTask("job1", { id: "t1", commandLine: "x" });
    const body = await expectError(
      await call("/jobs/job1/tasks", { method: "POST", json: { id: "T1", commandLine: "x" } }),
      409,
      "TaskExists",
    );
    expect(body).not.toHaveProperty("values");
    const invalid = await expectError(
      await call("/jobs/job1/tasks", { method: "POST", json: { id: "bad id", commandLine: "x" } }),
      400,
      "InvalidPropertyValue",
    );
    expect(invalid.values).toContainEqual({ key: "PropertyName", value: "id" });
    await expectError(
      await call("/jobs/job1/tasks/t1/reactivate", { method: "POST" }),
      409,
      "TaskNotCompleted",
    );
  });

  it("decodes percent-encoded ids for lookups", async () => {
    service.addJob({ id: "job-1", poolInfo: { poolId: "p" } });
    service.addTask("job-1", { id: "t_1", commandLine: "x" });
    expect((await call("/jobs/job%2D1/tasks/t%5F1")).status).toBe(200);
    await expectError(await call("/jobs/j%201/tasks/t%2B1"), 404, "JobNotFound");
    await expectError(await call("/jobs/job1/tasks/t%C3%A4"), 404, "TaskNotFound");
    await expectError(await call("/jobs/job1/tasks/a%2Fb"), 404, "TaskNotFound");
  });

  it("echoes client-request-id only when asked", async () => {
    const id = "00000000-0000-0000-0000-0000000000aa";
    const silent = await call("/jobs/job1/tasks", { headers: { "client-request-id": id } });
    expect(silent.headers.has("client-request-id")).toBe(false);
    const echoed = await call("/jobs/job1/tasks", {
      headers: { "client-request-id": id, "return-client-request-id": "true" },
    });
    expect(echoed.headers.get("client-request-id")).toBe(id);
    const failed = await call("/jobs/none/tasks", {
      headers: { "client-request-id": id, "return-client-request-id": "True" },
    });
    expect(failed.headers.get("client-request-id")).toBe(id);
  });
});

describe("conditional headers over msw", () => {
  beforeEach(() => {
    service.addTask("job1", { id: "t1", commandLine: "x" });
  });

  it("answers 304 without a body to a read whose tag still matches", async () => {
    const { eTag, lastModified } = service.getTask("job1", "t1");
    const response = await call("/jobs/job1/tasks/t1", {
      headers: {
        "If-None-Match": eTag,
        "client-request-id": "c-304",
        "return-client-request-id": "true",
      },
    });
    expect(response.status).toBe(304);
    expect(response.headers.get("request-id")).toMatch(UUID);
    // The version the client already has, as HTTP asks of a 304, and the echo it asked for.
    expect(response.headers.get("etag")).toBe(eTag);
    expect(response.headers.get("last-modified")).toBe(new Date(lastModified).toUTCString());
    expect(response.headers.get("client-request-id")).toBe("c-304");
    expect(await response.text()).toBe("");
    const job = service.getJob("job1");
    const notModified = await call("/jobs/job1", {
      headers: { "If-Modified-Since": new Date(job.lastModified + 1000).toUTCString() },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("etag")).toBe(job.eTag);
    expect(
      (await call("/jobs/job1/tasks/t1", { headers: { "If-None-Match": "0x1" } })).status,
    ).toBe(200);
  });

  it("answers 412 ConditionNotMet to writes", async () => {
    await expectError(
      await call("/jobs/job1/tasks/t1", { method: "DELETE", headers: { "If-Match": "0x1" } }),
      412,
      "ConditionNotMet",
    );
    const { eTag } = service.getTask("job1", "t1");
    await expectError(
      await call("/jobs/job1/tasks/t1/terminate", {
        method: "POST",
        headers: { "If-None-Match": eTag },
      }),
      412,
      "ConditionNotMet",
    );
    expect(
      (
        await call("/jobs/job1/tasks/t1/terminate", {
          method: "POST",
          headers: { "If-Match": eTag },
        })
      ).status,
    ).toBe(204);
  });

  it("are read only by the operations the service definition gives them to", async () => {
    expect(ROUTES.filter((route) => route.conditional).map((route) => route.operation)).toEqual([
      "Job_Get",
      "Job_Delete",
      "Job_Terminate",
      "Task_Get",
      "Task_Update",
      "Task_Delete",
      "Task_Terminate",
      "Task_Reactivate",
    ]);
    const seen = new Map<string, unknown>();
    middleware = (operationCall, next) => {
      seen.set(operationCall.operation, operationCall.conditions);
      return next();
    };
    // Two conditions at once would be a 400 where they are read; elsewhere they are ignored.
    const headers = { "If-Match": "0x1", "If-None-Match": "0x2" };
    for (const [path, init, status] of [
      ["/jobs/job1/tasks", { headers }, 200],
      ["/jobs/job1/tasks", { method: "POST", headers, json: { id: "t2", commandLine: "x" } }, 201],
      ["/jobs/job1/taskcounts", { headers }, 200],
      ["/jobs/job1/tasks/t1/subtasksinfo", { headers }, 200],
      ["/jobs/job1/tasks/t1", { headers }, 400],
    ] as const) {
      expect((await call(path, init)).status).toBe(status);
    }
    expect(seen.get("Task_List")).toBeUndefined();
    expect(seen.get("Task_Add")).toBeUndefined();
    expect(seen.get("Task_Get")).toMatchObject({ ifMatch: "0x1", ifNoneMatch: "0x2" });
  });

  it("refuses more than one condition", async () => {
    await expectError(
      await call("/jobs/job1/tasks/t1", { headers: { "If-Match": "a", "If-None-Match": "b" } }),
      400,
      "MultipleConditionHeadersNotSupported",
    );
  });
});

describe("request checks", () => {
  it("requires a supported api-version", async () => {
    await expectError(
      await signedFetch(`${BASE}/jobs/job1/tasks`),
      400,
      "MissingRequiredQueryParameter",
    );
    await expectError(
      await signedFetch(`${BASE}/jobs/job1/tasks?api-version=1999-01-01.0.0`),
      400,
      "UnsupportedRequestVersion",
    );
    for (const version of [
      "2022-10-01.16.0",
      "2020-09-01.12.0",
      "2024-07-01.20.0",
      "2023-05-01.17.0",
    ]) {
      expect((await signedFetch(`${BASE}/jobs/job1/tasks?api-version=${version}`)).status).toBe(
        200,
      );
    }
  });

  it("checks the body's content type and JSON", async () => {
    const post = (body: string, contentType?: string) =>
      call("/jobs/job1/tasks", {
        method: "POST",
        body,
        ...(contentType && { headers: { "content-type": contentType } }),
      });
    const task = JSON.stringify({ id: "t", commandLine: "x" });
    await expectError(await post(task, "text/plain"), 400, "InvalidHeaderValue");
    await expectError(
      await post(task, "application/json; charset=latin1"),
      400,
      "InvalidHeaderValue",
    );
    await expectError(await post("{not json", "application/json"), 400, "InvalidRequestBody");
    await expectError(await post("", "application/json"), 400, "InvalidRequestBody");
    expect((await post(task, "application/json")).status).toBe(201);
    expect(
      (
        await post(
          JSON.stringify({ id: "u", commandLine: "x" }),
          "application/json;odata=minimalmetadata",
        )
      ).status,
    ).toBe(201);
  });

  it("refuses bodies of 1 MB or more with 413 RequestBodyTooLarge", async () => {
    const big = { value: [{ id: "t", commandLine: "x".repeat(1024 * 1024) }] };
    await expectError(
      await call("/jobs/job1/addtaskcollection", { method: "POST", json: big }),
      413,
      "RequestBodyTooLarge",
    );
    expect(service.getTaskCounts("job1").taskCounts.active).toBe(0);
  });

  it("answers unknown paths with 404 and wrong methods with 405", async () => {
    await expectError(await call("/pools"), 404, "ResourceNotFound");
    await expectError(await call("/jobs/job1/tasks/t1/files/x"), 404, "ResourceNotFound");
    await expectError(
      await call("/jobs/job1/tasks", { method: "PATCH", json: {} }),
      405,
      "UnsupportedHttpVerb",
    );
    await expectError(await call("/jobs/job1/tasks/t1/terminate"), 405, "UnsupportedHttpVerb");
  });

  it("checks timeout and maxresults are integers", async () => {
    await expectError(
      await call("/jobs/job1/tasks?timeout=soon"),
      400,
      "InvalidQueryParameterValue",
    );
    await expectError(
      await call("/jobs/job1/tasks?maxresults=ten"),
      400,
      "InvalidQueryParameterValue",
    );
    await expectError(
      await call("/jobs/job1/tasks?maxresults=0"),
      400,
      "OutOfRangeQueryParameterValue",
    );
    await expectError(
      await call("/jobs/job1/tasks?maxresults=1001"),
      400,
      "OutOfRangeQueryParameterValue",
    );
    expect((await call("/jobs/job1/tasks?timeout=30")).status).toBe(200);
  });

  it("answers a bad $filter with InvalidQueryParameterValue", async () => {
    const body = await expectError(
      await call(`/jobs/job1/tasks?$filter=${encodeURIComponent("state eq")}`),
      400,
      "InvalidQueryParameterValue",
    );
    expect(body.values).toContainEqual({ key: "QueryParameterName", value: "$filter" });
  });

  it("serves only its own origin when given one", async () => {
    server.use(http.get("https://elsewhere.example/*", () => HttpResponse.text("other")));
    expect(await (await fetch("https://elsewhere.example/jobs")).text()).toBe("other");
  });
});

describe("job operations over msw", () => {
  it("answers each with its status and entity set", async () => {
    const added = await call("/jobs", {
      method: "POST",
      json: { id: "job2", poolInfo: { poolId: "p" } },
    });
    expect(added.status).toBe(201);
    expect(added.headers.get("dataserviceid")).toBe(`${BASE}/jobs/job2`);
    const job = await call("/jobs/job2");
    expect(job.status).toBe(200);
    expect((await job.json())["odata.metadata"]).toBe(`${BASE}/$metadata#jobs/@Element`);
    const list = await (await call("/jobs")).json();
    expect(list["odata.metadata"]).toBe(`${BASE}/$metadata#jobs`);
    expect(list.value.map((j: { id: string }) => j.id)).toEqual(["job1", "job2"]);
    const counts = await call("/jobs/job2/taskcounts");
    expect(await counts.json()).toMatchObject({
      "odata.metadata": `${BASE}/$metadata#taskcounts/@Element`,
    });
    const terminated = await call("/jobs/job2/terminate", {
      method: "POST",
      json: { terminateReason: "done" },
    });
    expect(terminated.status).toBe(202);
    expect(terminated.headers.get("etag")).toMatch(/^0x8D/);
    expect((await call("/jobs/job1/terminate", { method: "POST" })).status).toBe(202);
    expect((await call("/jobs/job1?force=true", { method: "DELETE" })).status).toBe(202);
    await expectError(
      await call("/jobs/job1?force=maybe", { method: "DELETE" }),
      400,
      "InvalidQueryParameterValue",
    );
    await expectError(
      await call("/jobs", { method: "POST", json: { id: "JOB2", poolInfo: { poolId: "p" } } }),
      409,
      "JobExists",
    );
  });
});

describe("operation middleware", () => {
  it("can answer instead of the service, and its answer gets a request-id", async () => {
    middleware = () => new Response("busy", { status: 503, headers: { "Retry-After": "1" } });
    const response = await call("/jobs/job1/tasks", {
      method: "POST",
      json: { id: "t", commandLine: "x" },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("request-id")).toMatch(UUID);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(service.getTaskCounts("job1").taskCounts.active).toBe(0);
  });

  it("sees the parsed call, may change the body, and gets the response after the change", async () => {
    const seen: string[] = [];
    middleware = async (operationCall, next) => {
      seen.push(`${operationCall.operation} ${operationCall.params.jobId}`);
      operationCall.body = { id: "renamed", commandLine: "x" };
      const response = await next();
      seen.push(String(response.status));
      return Response.error();
    };
    await expect(
      call("/jobs/job1/tasks", { method: "POST", json: { id: "t", commandLine: "x" } }),
    ).rejects.toThrow();
    expect(seen).toEqual(["Task_Add job1", "201"]);
    expect(service.getTask("job1", "renamed").body.id).toBe("renamed");
  });
});
