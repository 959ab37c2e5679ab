import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { apiVersion } from "@batch/types";
import { describe, expect, it } from "vitest";
import {
  endpoint,
  json,
  type Seen,
  scriptedFetch,
  serviceErrorResponse,
  testClient,
} from "./test-support/scripted-fetch.js";

/** A fake list endpoint over `total` tasks, `pageSize` per page, linked by $skiptoken. */
function pagedTasks(
  total: number,
  pageSize: number,
  link = (skip: number, seen: Seen) =>
    `${seen.url.origin}/jobs/j1/tasks?api-version=${apiVersion}&maxresults=${pageSize}&$skiptoken=${skip}`,
) {
  return (seen: Seen) => {
    const skip = Number(seen.url.searchParams.get("$skiptoken") ?? 0);
    const end = Math.min(total, skip + pageSize);
    const value = [];
    for (let i = skip; i < end; i++) value.push({ id: `task-${i}`, state: "active" });
    return json({ value, ...(end < total ? { "odata.nextLink": link(end, seen) } : {}) });
  };
}

describe("pagination", () => {
  it("iterates items across odata.nextLink, signing each page and keeping its api-version", async () => {
    const fetch = scriptedFetch(pagedTasks(5, 2));
    const ids: string[] = [];
    for await (const task of testClient(fetch).tasks.list("j1")) ids.push(task.id!);
    expect(ids).toEqual(["task-0", "task-1", "task-2", "task-3", "task-4"]);
    expect(fetch.calls).toHaveLength(3);
    for (const call of fetch.calls.slice(1)) {
      expect(call.url.searchParams.getAll("api-version")).toEqual([apiVersion]);
      expect(call.headers.get("authorization")).toMatch(/^SharedKey devaccount:/);
      expect(call.headers.get("ocp-date")).toMatch(/GMT$/);
    }
    expect(fetch.calls[2]!.url.searchParams.get("$skiptoken")).toBe("4");
  });

  it("adds api-version to a nextLink that lacks it", async () => {
    const fetch = scriptedFetch(
      pagedTasks(3, 2, (skip, seen) => `${seen.url.origin}/jobs/j1/tasks?$skiptoken=${skip}`),
    );
    const ids: string[] = [];
    for await (const task of testClient(fetch).tasks.list("j1")) ids.push(task.id!);
    expect(ids).toHaveLength(3);
    expect(fetch.calls[1]!.url.search).toBe(`?$skiptoken=2&api-version=${apiVersion}`);
  });

  it("byPage yields pages with items, continuation tokens and meta, and can resume", async () => {
    const fetch = scriptedFetch(pagedTasks(5, 2));
    const client = testClient(fetch);
    const pages = [];
    for await (const page of client.tasks.list("j1").byPage({ maxPageSize: 2 })) pages.push(page);
    expect(pages.map((p) => p.items.map((t) => t.id))).toEqual([
      ["task-0", "task-1"],
      ["task-2", "task-3"],
      ["task-4"],
    ]);
    expect(fetch.calls[0]!.url.searchParams.get("maxresults")).toBe("2");
    expect(pages[0]!.continuationToken).toContain("$skiptoken=2");
    expect(pages[2]!.continuationToken).toBeUndefined();
    expect(pages[1]!.meta).toMatchObject({ status: 200, attempts: 1 });

    const resumed = [];
    for await (const page of client.tasks
      .list("j1")
      .byPage({ continuationToken: pages[0]!.continuationToken! })) {
      resumed.push(...page.items.map((t) => t.id));
    }
    expect(resumed).toEqual(["task-2", "task-3", "task-4"]);
  });

  it("retries a failed page and reports one that keeps failing as Task_List", async () => {
    const flaky = scriptedFetch((seen) =>
      seen.index === 1 ? serviceErrorResponse(503, "ServerBusy") : pagedTasks(4, 2)(seen),
    );
    let count = 0;
    for await (const _ of testClient(flaky).tasks.list("j1")) count++;
    expect(count).toBe(4);

    const broken = scriptedFetch((seen) =>
      seen.index >= 1 ? serviceErrorResponse(500, "InternalError") : pagedTasks(4, 2)(seen),
    );
    const consume = async () => {
      for await (const _ of testClient(broken, { retry: { maxRetries: 1 } }).tasks.list("j1")) {
        // drain
      }
    };
    await expect(consume()).rejects.toMatchObject({
      status: 500,
      operation: "Task_List",
      attempts: 2,
    });
  });

  it("refuses a nextLink to another origin (it would carry our credentials there)", async () => {
    const fetch = scriptedFetch(
      pagedTasks(3, 2, (skip) => `https://elsewhere.example/jobs/j1/tasks?$skiptoken=${skip}`),
    );
    const consume = async () => {
      for await (const _ of testClient(fetch).tasks.list("j1")) {
        // drain
      }
    };
    await expect(consume()).rejects.toMatchObject({ kind: "client", code: "InvalidNextLink" });
    expect(fetch.calls).toHaveLength(1);
    expect(endpoint).not.toContain("elsewhere");
  });

  it("walks 100,000 tasks in 100 pages holding one page at a time", async () => {
    const total = 100_000;
    const pageSize = 1000;
    let consumed = 0;
    let maxAhead = 0;
    const serve = pagedTasks(total, pageSize);
    const fetch = scriptedFetch((seen) => {
      // Everything served before this request must already be consumed: no read-ahead, so
      // the pager never holds more than the page being iterated.
      const served = seen.index * pageSize;
      maxAhead = Math.max(maxAhead, served - consumed);
      return serve(seen);
    });
    let last = -1;
    for await (const task of testClient(fetch).tasks.list("j1", { select: "id,state" })) {
      const n = Number(task.id!.slice(5));
      expect(n).toBe(last + 1);
      last = n;
      consumed++;
    }
    expect(consumed).toBe(total);
    expect(fetch.calls).toHaveLength(100);
    expect(maxAhead).toBe(0);
  });

  it("lets the items of a page be collected before the next page is fetched", async () => {
    const gc = collectGarbage();
    const refs: WeakRef<object>[] = [];
    let collected: boolean[] | undefined;
    const serve = pagedTasks(6, 3);
    const fetch = scriptedFetch(async (seen) => {
      if (seen.index === 1) {
        // A later task, so the references made while iterating are no longer held for their job.
        await new Promise((resolve) => setTimeout(resolve, 0));
        gc();
        collected = refs.map((ref) => ref.deref() === undefined);
      }
      return serve(seen);
    });
    let count = 0;
    for await (const task of testClient(fetch).tasks.list("j1")) {
      // The first two of the first page; the third is still the loop's own variable.
      if (count++ < 2) refs.push(new WeakRef(task));
    }
    expect(count).toBe(6);
    expect(collected).toEqual([true, true]);
  });

  it("byPage holds no page of its own while it fetches the next", async () => {
    const gc = collectGarbage();
    let collected: boolean | undefined;
    let firstPage: WeakRef<object> | undefined;
    const serve = pagedTasks(4, 2);
    const fetch = scriptedFetch(async (seen) => {
      if (seen.index === 1) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        gc();
        collected = firstPage?.deref() === undefined;
      }
      return serve(seen);
    });
    const pages = testClient(fetch).tasks.list("j1").byPage();
    // In a function of its own, so no variable of this test holds the page.
    const refOfNext = async () => new WeakRef((await pages.next()).value as object);
    firstPage = await refOfNext();
    await refOfNext();
    expect(collected).toBe(true);
    expect(fetch.calls).toHaveLength(2);
  });

  it("gives concurrent next() calls the items in order, fetching each page once", async () => {
    const fetch = scriptedFetch(pagedTasks(5, 2));
    const iterator = testClient(fetch).tasks.list("j1")[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 7 }, () => iterator.next()));
    expect(results.map((r) => (r.done ? "done" : r.value.id))).toEqual([
      "task-0",
      "task-1",
      "task-2",
      "task-3",
      "task-4",
      "done",
      "done",
    ]);
    expect(fetch.calls).toHaveLength(3);
  });

  it("stops fetching when the consumer stops, and closes the pager", async () => {
    const fetch = scriptedFetch(pagedTasks(10, 2));
    const seen: string[] = [];
    for await (const task of testClient(fetch).tasks.list("j1")) {
      seen.push(task.id!);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(["task-0", "task-1", "task-2"]);
    expect(fetch.calls).toHaveLength(2);
    const iterator = testClient(fetch).tasks.list("j1")[Symbol.asyncIterator]();
    await iterator.next();
    await expect(iterator.return?.()).resolves.toEqual({ value: undefined, done: true });
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
  });
});

/** V8's full collection, reachable without starting node with --expose-gc. */
function collectGarbage(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}
