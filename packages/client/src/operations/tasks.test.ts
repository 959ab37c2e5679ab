import { apiVersion } from "@batch/types";
import { describe, expect, it } from "vitest";
import { isBatchError } from "../errors.js";
import {
  empty,
  json,
  networkError,
  type Seen,
  scriptedFetch,
  serviceErrorResponse,
  testClient,
} from "../test-support/scripted-fetch.js";
import { isNotModified } from "./invoke.js";

const writeHeaders = {
  etag: "0x8DB0000000000001",
  "last-modified": "Sat, 28 Nov 2026 14:18:03 GMT",
  dataserviceid: "http://127.0.0.1:9/jobs/j1/tasks/t1",
  "client-request-id": "11111111-2222-3333-4444-555555555555",
};

function only(calls: Seen[]): Seen {
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

function query(seen: Seen): Record<string, string> {
  return Object.fromEntries(seen.url.searchParams);
}

const allCallOptions = {
  timeout: 17,
  clientRequestId: "9c4d50ee-2d56-4cd3-8152-34347dc9f2b0",
  returnClientRequestId: true,
  ocpDate: new Date("2026-11-28T14:18:03Z"),
};

const allConditions = {
  ifMatch: '"0x1"',
  ifNoneMatch: '"0x2"',
  ifModifiedSince: new Date("2026-01-02T03:04:05Z"),
  ifUnmodifiedSince: "2026-02-03T04:05:06Z",
};

function expectCallHeaders(seen: Seen): void {
  expect(seen.headers.get("client-request-id")).toBe("9c4d50ee-2d56-4cd3-8152-34347dc9f2b0");
  expect(seen.headers.get("return-client-request-id")).toBe("true");
  expect(seen.headers.get("ocp-date")).toBe("Sat, 28 Nov 2026 14:18:03 GMT");
  expect(seen.url.searchParams.get("timeout")).toBe("17");
}

function expectConditions(seen: Seen): void {
  expect(seen.headers.get("if-match")).toBe('"0x1"');
  expect(seen.headers.get("if-none-match")).toBe('"0x2"');
  expect(seen.headers.get("if-modified-since")).toBe("Fri, 02 Jan 2026 03:04:05 GMT");
  expect(seen.headers.get("if-unmodified-since")).toBe("Tue, 03 Feb 2026 04:05:06 GMT");
}

describe("tasks.add", () => {
  it("POSTs the task as OData JSON and returns the write headers", async () => {
    const fetch = scriptedFetch(() => empty(201, writeHeaders));
    const client = testClient(fetch);
    const result = await client.tasks.add("j 1", { id: "t1", commandLine: "echo hi" });
    const seen = only(fetch.calls);
    expect(seen.method).toBe("POST");
    expect(seen.url.pathname).toBe("/jobs/j%201/tasks");
    expect(query(seen)).toEqual({ "api-version": apiVersion });
    expect(seen.headers.get("content-type")).toBe("application/json; odata=minimalmetadata");
    expect(seen.body).toBe('{"id":"t1","commandLine":"echo hi"}');
    expect(seen.headers.get("authorization")).toMatch(/^SharedKey devaccount:/);
    expect(result).toEqual({
      reconciled: false,
      meta: {
        status: 201,
        requestId: "00000000-0000-0000-0000-00000000beef",
        clientRequestId: "11111111-2222-3333-4444-555555555555",
        eTag: "0x8DB0000000000001",
        lastModified: "Sat, 28 Nov 2026 14:18:03 GMT",
        dataServiceId: "http://127.0.0.1:9/jobs/j1/tasks/t1",
        attempts: 1,
        uncertainAttempts: 0,
      },
    });
  });

  it("sends every call option", async () => {
    const fetch = scriptedFetch(() => empty(201));
    await testClient(fetch).tasks.add("j1", { id: "t1", commandLine: "x" }, allCallOptions);
    expectCallHeaders(only(fetch.calls));
  });

  it("reports a TaskExists met after a lost answer as reconciled", async () => {
    const fetch = scriptedFetch((seen) => {
      if (seen.index === 0) throw networkError();
      return serviceErrorResponse(409, "TaskExists");
    });
    const result = await testClient(fetch).tasks.add("j1", { id: "t1", commandLine: "x" });
    expect(fetch.calls).toHaveLength(2);
    expect(result.reconciled).toBe(true);
    expect(result.meta).toMatchObject({ status: 409, attempts: 2, uncertainAttempts: 1 });
  });

  it("throws TaskExists met on the first attempt (a real conflict)", async () => {
    const fetch = scriptedFetch(() => serviceErrorResponse(409, "TaskExists", "The task exists."));
    const error = await testClient(fetch)
      .tasks.add("j1", { id: "t1", commandLine: "x" })
      .catch((e: unknown) => e);
    expect(isBatchError(error) && error.code).toBe("TaskExists");
    expect(isBatchError(error) && error.retried).toBe(false);
  });

  it("throws TaskExists after a 429 retry: a throttled attempt did nothing", async () => {
    const fetch = scriptedFetch((seen) =>
      seen.index === 0
        ? serviceErrorResponse(429, "TooManyRequests")
        : serviceErrorResponse(409, "TaskExists"),
    );
    const error = await testClient(fetch)
      .tasks.add("j1", { id: "t1", commandLine: "x" })
      .catch((e: unknown) => e);
    expect(isBatchError(error) && [error.code, error.retried]).toEqual(["TaskExists", true]);
  });
});

describe("tasks.addCollection", () => {
  it("POSTs { value: tasks } to addtaskcollection and returns per-task results", async () => {
    const body = {
      "odata.metadata": "x",
      value: [
        { status: "success", taskId: "a", eTag: "0x1" },
        { status: "clienterror", taskId: "b", error: { code: "TaskExists" } },
      ],
    };
    const fetch = scriptedFetch(() => json(body));
    const tasks = [
      { id: "a", commandLine: "x" },
      { id: "b", commandLine: "y" },
    ];
    const result = await testClient(fetch).tasks.addCollection("j1", tasks, allCallOptions);
    const seen = only(fetch.calls);
    expect(seen.method).toBe("POST");
    expect(seen.url.pathname).toBe("/jobs/j1/addtaskcollection");
    expect(JSON.parse(seen.body)).toEqual({ value: tasks });
    expect(seen.headers.get("content-type")).toBe("application/json; odata=minimalmetadata");
    expectCallHeaders(seen);
    expect(result.value).toEqual(body.value);
    expect(result.meta.status).toBe(200);
    // meta is not part of the JSON
    expect(JSON.parse(JSON.stringify(result))).toEqual(body);
  });

  it("marks TaskExists results reconciled after an attempt whose answer was lost, keeping the status", async () => {
    const answer = {
      value: [
        {
          status: "clienterror",
          taskId: "a",
          error: { code: "TaskExists", message: { value: "The specified task already exists." } },
        },
        { status: "success", taskId: "b" },
        { status: "clienterror", taskId: "c", error: { code: "InvalidPropertyValue" } },
      ],
    };
    const tasks = ["a", "b", "c"].map((id) => ({ id, commandLine: "x" }));
    const lost = scriptedFetch((seen) => {
      if (seen.index === 0) throw networkError();
      return json(answer);
    });
    const result = await testClient(lost).tasks.addCollection("j1", tasks);
    expect(result.meta).toMatchObject({ attempts: 2, uncertainAttempts: 1 });
    expect(result.value).toEqual([
      { ...answer.value[0], reconciled: true },
      answer.value[1],
      answer.value[2],
    ]);

    // On a first attempt, or after only a 429 (refused before any work), TaskExists is a conflict.
    for (const first of [undefined, serviceErrorResponse(429, "TooManyRequests")]) {
      const fetch = scriptedFetch((seen) => (seen.index === 0 && first ? first : json(answer)));
      const plain = await testClient(fetch).tasks.addCollection("j1", tasks);
      expect(plain.value).toEqual(answer.value);
      expect(plain.value?.[0]).not.toHaveProperty("reconciled");
    }
  });

  it("refuses more than 100 tasks, and none, before sending", async () => {
    const fetch = scriptedFetch(() => json({ value: [] }));
    const client = testClient(fetch);
    const many = Array.from({ length: 101 }, (_, i) => ({ id: `t${i}`, commandLine: "x" }));
    await expect(client.tasks.addCollection("j1", many)).rejects.toMatchObject({
      name: "BatchError",
      kind: "client",
      code: "InvalidTaskCount",
    });
    await expect(client.tasks.addCollection("j1", [])).rejects.toMatchObject({
      code: "InvalidTaskCount",
    });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe("tasks.get", () => {
  it("GETs the task with $select, $expand, every call option and condition", async () => {
    const task = { id: "t1", state: "active", eTag: "0x2" };
    const fetch = scriptedFetch(() =>
      json(task, { headers: { etag: "0x2", "last-modified": writeHeaders["last-modified"] } }),
    );
    const result = await testClient(fetch).tasks.get("j+1", "tä", {
      select: ["id", "state"],
      expand: "stats",
      ...allCallOptions,
      ...allConditions,
    });
    const seen = only(fetch.calls);
    expect(seen.method).toBe("GET");
    expect(seen.url.pathname).toBe("/jobs/j%2B1/tasks/t%C3%A4");
    expect(seen.url.search).toContain("$select=id%2Cstate");
    expect(query(seen)).toEqual({
      "api-version": apiVersion,
      $select: "id,state",
      $expand: "stats",
      timeout: "17",
    });
    expectCallHeaders(seen);
    expectConditions(seen);
    expect(seen.body).toBe("");
    if (isNotModified(result)) throw new Error("unexpected 304");
    expect(result).toEqual(task);
    expect(result.state).toBe("active");
    expect(result.meta).toMatchObject({ status: 200, eTag: "0x2", requestId: expect.any(String) });
    expect(Object.keys(result)).not.toContain("meta");
  });

  it("answers 304 with { notModified: true, meta }", async () => {
    const fetch = scriptedFetch(() => empty(304, { etag: "0x2" }));
    const result = await testClient(fetch).tasks.get("j1", "t1", { ifNoneMatch: "0x2" });
    expect(isNotModified(result)).toBe(true);
    expect(result.meta).toMatchObject({ status: 304, eTag: "0x2" });
  });

  it("throws a BatchError with the service's fields for 404", async () => {
    const fetch = scriptedFetch(() =>
      serviceErrorResponse(404, "TaskNotFound", "The specified task does not exist.", {
        "client-request-id": "c-1",
      }),
    );
    const error = await testClient(fetch)
      .tasks.get("j1", "t1")
      .catch((e: unknown) => e);
    expect(isBatchError(error)).toBe(true);
    expect(error).toMatchObject({
      kind: "service",
      status: 404,
      code: "TaskNotFound",
      message: "The specified task does not exist.",
      requestId: "00000000-0000-0000-0000-00000000beef",
      clientRequestId: "c-1",
      operation: "Task_Get",
      attempts: 1,
    });
  });

  it("refuses ids that would change the URL path", async () => {
    const fetch = scriptedFetch(() => json({}));
    const client = testClient(fetch);
    for (const bad of ["", ".", ".."]) {
      await expect(client.tasks.get("j1", bad)).rejects.toMatchObject({ code: "InvalidId" });
      await expect(client.tasks.delete(bad, "t1")).rejects.toMatchObject({ code: "InvalidId" });
    }
    expect(fetch.calls).toHaveLength(0);
  });

  it("refuses an unparseable date before sending", async () => {
    const fetch = scriptedFetch(() => json({}));
    await expect(
      testClient(fetch).tasks.get("j1", "t1", { ifModifiedSince: "not a date" }),
    ).rejects.toMatchObject({ kind: "client", code: "InvalidHeaderValue" });
    expect(fetch.calls).toHaveLength(0);
  });

  it("refuses a header value with a line break before sending, as a client BatchError", async () => {
    const fetch = scriptedFetch(() => json({}));
    const error = await testClient(fetch)
      .tasks.terminate("j1", "t1", { clientRequestId: "id\r\nx-injected: 1" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "BatchError", kind: "client", code: "InvalidHeaderValue" });
    expect(fetch.calls).toHaveLength(0);
  });

  it("turns a 200 with an empty body, or JSON that is no object, into a service BatchError", async () => {
    for (const [body, code] of [
      ["", "EmptyResponseBody"],
      ["null", "InvalidResponseBody"],
      ["42", "InvalidResponseBody"],
    ] as const) {
      const fetch = scriptedFetch(() => new Response(body, { status: 200 }));
      const client = testClient(fetch);
      const expected = { name: "BatchError", kind: "service", status: 200, code };
      await expect(client.tasks.get("j1", "t1")).rejects.toMatchObject({
        ...expected,
        operation: "Task_Get",
      });
      await expect(client.tasks.listSubtasks("j1", "t1")).rejects.toMatchObject(expected);
      await expect(client.jobs.getTaskCounts("j1")).rejects.toMatchObject(expected);
      await expect(client.jobs.get("j1")).rejects.toMatchObject(expected);
      await expect(
        client.tasks.addCollection("j1", [{ id: "t1", commandLine: "x" }]),
      ).rejects.toMatchObject(expected);
      await expect(client.tasks.list("j1")[Symbol.asyncIterator]().next()).rejects.toMatchObject({
        ...expected,
        operation: "Task_List",
      });
    }
  });

  it("turns a 200 whose body is not JSON into a service BatchError", async () => {
    const fetch = scriptedFetch(
      () => new Response("<html>", { status: 200, headers: { "content-type": "text/html" } }),
    );
    await expect(testClient(fetch).tasks.get("j1", "t1")).rejects.toMatchObject({
      kind: "service",
      code: "InvalidResponseBody",
    });
  });
});

describe("tasks.list", () => {
  it("GETs the first page with $filter, $select, $expand, maxresults and every call option", async () => {
    const fetch = scriptedFetch(() => json({ value: [{ id: "a" }, { id: "b" }] }));
    const ids: string[] = [];
    for await (const task of testClient(fetch).tasks.list("j1", {
      filter: "state eq 'active'",
      select: "id,state",
      expand: "stats",
      maxResults: 10,
      ...allCallOptions,
    })) {
      ids.push(task.id!);
    }
    expect(ids).toEqual(["a", "b"]);
    const seen = only(fetch.calls);
    expect(seen.method).toBe("GET");
    expect(seen.url.pathname).toBe("/jobs/j1/tasks");
    expect(query(seen)).toEqual({
      "api-version": apiVersion,
      $filter: "state eq 'active'",
      $select: "id,state",
      $expand: "stats",
      maxresults: "10",
      timeout: "17",
    });
    expectCallHeaders(seen);
  });
});

describe("argument errors", () => {
  it("reject, never throw: a list refuses a bad id on its first next()", async () => {
    const fetch = scriptedFetch(() => json({ value: [] }));
    const client = testClient(fetch);
    const list = client.tasks.list("");
    const iterator = list[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ kind: "client", code: "InvalidId" });
    await expect(list.byPage().next()).rejects.toMatchObject({ code: "InvalidId" });
    const calls: Promise<unknown>[] = [
      client.tasks.get("", "t1"),
      client.tasks.update("j1", "..", { constraints: {} }),
      client.tasks.terminate(".", "t1"),
      client.tasks.reactivate("j1", ""),
      client.tasks.listSubtasks("j1", ""),
      client.tasks.add("", { id: "t", commandLine: "x" }),
      client.tasks.addMany("", []),
      client.tasks.waitFor(""),
      client.jobs.get(""),
      client.jobs.delete(".."),
      client.jobs.terminate(""),
      client.jobs.getTaskCounts(""),
    ];
    for (const call of calls) await expect(call).rejects.toMatchObject({ code: "InvalidId" });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe("tasks.listSubtasks", () => {
  it("GETs subtasksinfo with $select and every call option", async () => {
    const body = { value: [{ id: 1, state: "running" }] };
    const fetch = scriptedFetch(() => json(body));
    const result = await testClient(fetch).tasks.listSubtasks("j1", "t1", {
      select: "id,state",
      ...allCallOptions,
    });
    const seen = only(fetch.calls);
    expect(seen.url.pathname).toBe("/jobs/j1/tasks/t1/subtasksinfo");
    expect(query(seen)).toMatchObject({ $select: "id,state", "api-version": apiVersion });
    expectCallHeaders(seen);
    expect(result.value).toEqual(body.value);
    expect(result.meta.status).toBe(200);
  });
});

describe("tasks.update", () => {
  it("PUTs { constraints } with every call option and condition", async () => {
    const fetch = scriptedFetch(() => empty(200, writeHeaders));
    const update = {
      constraints: { maxWallClockTime: "PT1H", retentionTime: "P1D", maxTaskRetryCount: 3 },
    };
    const result = await testClient(fetch).tasks.update("j1", "t1", update, {
      ...allCallOptions,
      ...allConditions,
    });
    const seen = only(fetch.calls);
    expect(seen.method).toBe("PUT");
    expect(seen.url.pathname).toBe("/jobs/j1/tasks/t1");
    expect(JSON.parse(seen.body)).toEqual(update);
    expect(seen.headers.get("content-type")).toBe("application/json; odata=minimalmetadata");
    expectCallHeaders(seen);
    expectConditions(seen);
    expect(result).toMatchObject({
      reconciled: false,
      meta: { status: 200, eTag: writeHeaders.etag },
    });
  });
});

describe.each([
  ["terminate", "Task_Terminate", "TaskCompleted", 204] as const,
  ["reactivate", "Task_Reactivate", "TaskNotCompleted", 204] as const,
])("tasks.%s", (name, operation, reconcileCode, status) => {
  it(`POSTs /${name} without a body, with every call option and condition`, async () => {
    const fetch = scriptedFetch(() => empty(status, writeHeaders));
    const result = await testClient(fetch).tasks[name]("j1", "t1", {
      ...allCallOptions,
      ...allConditions,
    });
    const seen = only(fetch.calls);
    expect(seen.method).toBe("POST");
    expect(seen.url.pathname).toBe(`/jobs/j1/tasks/t1/${name}`);
    expect(seen.body).toBe("");
    expect(seen.headers.get("content-type")).toBeNull();
    expectCallHeaders(seen);
    expectConditions(seen);
    expect(result).toMatchObject({
      reconciled: false,
      meta: { status, dataServiceId: writeHeaders.dataserviceid },
    });
  });

  it(`reconciles ${reconcileCode} after a lost answer, and only then`, async () => {
    const lost = scriptedFetch((seen) => {
      if (seen.index === 0) throw networkError();
      return serviceErrorResponse(409, reconcileCode);
    });
    expect((await testClient(lost).tasks[name]("j1", "t1")).reconciled).toBe(true);
    const direct = scriptedFetch(() => serviceErrorResponse(409, reconcileCode));
    await expect(testClient(direct).tasks[name]("j1", "t1")).rejects.toMatchObject({
      code: reconcileCode,
      operation,
    });
  });
});

describe("tasks.delete", () => {
  it("DELETEs the task with every call option and condition", async () => {
    const fetch = scriptedFetch(() => empty(200));
    const result = await testClient(fetch).tasks.delete("j1", "t1", {
      ...allCallOptions,
      ...allConditions,
    });
    const seen = only(fetch.calls);
    expect(seen.method).toBe("DELETE");
    expect(seen.url.pathname).toBe("/jobs/j1/tasks/t1");
    expect(seen.body).toBe("");
    expectCallHeaders(seen);
    expectConditions(seen);
    expect(result.meta.status).toBe(200);
  });

  it("reconciles TaskNotFound after a 503 retry (the first delete may have worked)", async () => {
    const fetch = scriptedFetch((seen) =>
      seen.index === 0
        ? serviceErrorResponse(503, "ServerBusy")
        : serviceErrorResponse(404, "TaskNotFound"),
    );
    expect((await testClient(fetch).tasks.delete("j1", "t1")).reconciled).toBe(true);
  });

  it("throws 412 ConditionNotMet", async () => {
    const fetch = scriptedFetch(() => serviceErrorResponse(412, "ConditionNotMet"));
    await expect(
      testClient(fetch).tasks.delete("j1", "t1", { ifMatch: "0x1" }),
    ).rejects.toMatchObject({
      status: 412,
      code: "ConditionNotMet",
      operation: "Task_Delete",
    });
    expect(fetch.calls).toHaveLength(1);
  });
});
