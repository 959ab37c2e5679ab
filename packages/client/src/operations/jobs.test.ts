import { apiVersion } from "@batch/types";
import { describe, expect, it } from "vitest";
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

const callOptions = {
  timeout: 5,
  clientRequestId: "0f0f0f0f-0000-0000-0000-000000000001",
  returnClientRequestId: true,
  ocpDate: "Sun, 01 Jun 2025 10:00:00 GMT",
};
const conditions = {
  ifMatch: "0xA",
  ifNoneMatch: "0xB",
  ifModifiedSince: "Sun, 01 Jun 2025 09:00:00 GMT",
  ifUnmodifiedSince: new Date("2025-06-01T08:00:00Z"),
};

function only(calls: Seen[]): Seen {
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

function expectCallOptions(seen: Seen): void {
  expect(seen.url.searchParams.get("timeout")).toBe("5");
  expect(seen.headers.get("client-request-id")).toBe(callOptions.clientRequestId);
  expect(seen.headers.get("return-client-request-id")).toBe("true");
  expect(seen.headers.get("ocp-date")).toBe("Sun, 01 Jun 2025 10:00:00 GMT");
}

function expectConditions(seen: Seen): void {
  expect(seen.headers.get("if-match")).toBe("0xA");
  expect(seen.headers.get("if-none-match")).toBe("0xB");
  expect(seen.headers.get("if-modified-since")).toBe("Sun, 01 Jun 2025 09:00:00 GMT");
  expect(seen.headers.get("if-unmodified-since")).toBe("Sun, 01 Jun 2025 08:00:00 GMT");
}

describe("jobs", () => {
  it("add POSTs the job to /jobs", async () => {
    const fetch = scriptedFetch(() => empty(201, { etag: "0x1" }));
    const job = { id: "j1", poolInfo: { poolId: "p" } };
    const result = await testClient(fetch).jobs.add(job, callOptions);
    const seen = only(fetch.calls);
    expect([seen.method, seen.url.pathname]).toEqual(["POST", "/jobs"]);
    expect(JSON.parse(seen.body)).toEqual(job);
    expect(seen.headers.get("content-type")).toBe("application/json; odata=minimalmetadata");
    expectCallOptions(seen);
    expect(result).toMatchObject({ reconciled: false, meta: { status: 201, eTag: "0x1" } });
  });

  it("add reconciles JobExists after a lost answer", async () => {
    const fetch = scriptedFetch((seen) => {
      if (seen.index === 0) throw networkError();
      return serviceErrorResponse(409, "JobExists");
    });
    const result = await testClient(fetch).jobs.add({ id: "j1", poolInfo: { poolId: "p" } });
    expect(result.reconciled).toBe(true);
  });

  it("get sends $select, $expand, call options and conditions; 304 is NotModified", async () => {
    const fetch = scriptedFetch((seen) =>
      seen.index === 0 ? json({ id: "j1", state: "active" }) : empty(304),
    );
    const client = testClient(fetch);
    const job = await client.jobs.get("j 1", {
      select: "id,state",
      expand: "stats",
      ...callOptions,
      ...conditions,
    });
    const seen = fetch.calls[0]!;
    expect([seen.method, seen.url.pathname]).toEqual(["GET", "/jobs/j%201"]);
    expect(Object.fromEntries(seen.url.searchParams)).toEqual({
      "api-version": apiVersion,
      $select: "id,state",
      $expand: "stats",
      timeout: "5",
    });
    expectCallOptions(seen);
    expectConditions(seen);
    expect(isNotModified(job)).toBe(false);
    expect(job).toEqual({ id: "j1", state: "active" });
    expect(isNotModified(await client.jobs.get("j1", { ifNoneMatch: "0x1" }))).toBe(true);
  });

  it("list follows pages and sends $filter, $select, $expand, maxresults", async () => {
    const fetch = scriptedFetch((seen) =>
      seen.index === 0
        ? json({
            value: [{ id: "a" }],
            "odata.nextLink": `${seen.url.origin}/jobs?api-version=${apiVersion}&$skiptoken=2`,
          })
        : json({ value: [{ id: "b" }] }),
    );
    const ids: string[] = [];
    for await (const job of testClient(fetch).jobs.list({
      filter: "state eq 'active'",
      select: "id",
      expand: "stats",
      maxResults: 1,
      ...callOptions,
    })) {
      ids.push(job.id!);
    }
    expect(ids).toEqual(["a", "b"]);
    expect(Object.fromEntries(fetch.calls[0]!.url.searchParams)).toEqual({
      "api-version": apiVersion,
      $filter: "state eq 'active'",
      $select: "id",
      $expand: "stats",
      maxresults: "1",
      timeout: "5",
    });
    expect(fetch.calls[1]!.url.searchParams.get("$skiptoken")).toBe("2");
  });

  it("delete sends force, call options and conditions", async () => {
    const fetch = scriptedFetch(() => empty(202));
    const result = await testClient(fetch).jobs.delete("j1", {
      force: true,
      ...callOptions,
      ...conditions,
    });
    const seen = only(fetch.calls);
    expect([seen.method, seen.url.pathname]).toEqual(["DELETE", "/jobs/j1"]);
    expect(seen.url.searchParams.get("force")).toBe("true");
    expectCallOptions(seen);
    expectConditions(seen);
    expect(result.meta.status).toBe(202);
  });

  it("terminate sends the reason as the body, force, call options and conditions", async () => {
    const fetch = scriptedFetch(() => empty(202));
    await testClient(fetch).jobs.terminate("j1", {
      terminateReason: "done early",
      force: false,
      ...callOptions,
      ...conditions,
    });
    const seen = only(fetch.calls);
    expect([seen.method, seen.url.pathname]).toEqual(["POST", "/jobs/j1/terminate"]);
    expect(JSON.parse(seen.body)).toEqual({ terminateReason: "done early" });
    expect(seen.url.searchParams.get("force")).toBe("false");
    expectCallOptions(seen);
    expectConditions(seen);
  });

  it("terminate without a reason sends no body", async () => {
    const fetch = scriptedFetch(() => empty(202));
    await testClient(fetch).jobs.terminate("j1");
    const seen = only(fetch.calls);
    expect(seen.body).toBe("");
    expect(seen.headers.get("content-type")).toBeNull();
  });

  it("getTaskCounts GETs /taskcounts", async () => {
    const counts = {
      taskCounts: { active: 1, running: 2, completed: 3, succeeded: 2, failed: 1 },
      taskSlotCounts: { active: 1, running: 2, completed: 3, succeeded: 2, failed: 1 },
    };
    const fetch = scriptedFetch(() => json(counts));
    const result = await testClient(fetch).jobs.getTaskCounts("j1", callOptions);
    const seen = only(fetch.calls);
    expect([seen.method, seen.url.pathname]).toEqual(["GET", "/jobs/j1/taskcounts"]);
    expectCallOptions(seen);
    expect(result.taskCounts.completed).toBe(3);
    expect(result.meta.status).toBe(200);
  });

  it("delete reconciles JobNotFound after a lost answer", async () => {
    const fetch = scriptedFetch((seen) => {
      if (seen.index === 0) throw networkError();
      return serviceErrorResponse(404, "JobNotFound");
    });
    expect((await testClient(fetch).jobs.delete("j1")).reconciled).toBe(true);
  });
});
