// Paging through the handlers: odata.nextLink is absolute, on the client's own origin, carries
// the api-version and query options the client sent plus $skiptoken, has no empty values, and
// stays correct while tasks are added and deleted between pages.

import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type BatchService, createBatchService } from "../service/batch-service.js";
import { batchHandlers } from "./batch-handlers.js";
import { signedFetch } from "./signed-fetch.fixture.js";

const BASE = "https://devaccount.eastus.batch.azure.com";
let service: BatchService;
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  service = createBatchService();
  service.addJob({ id: "job1", poolInfo: { poolId: "p" } });
  for (let i = 0; i < 25; i++)
    service.addTask("job1", { id: `t${String(i).padStart(2, "0")}`, commandLine: "x" });
  server.resetHandlers(...batchHandlers(service));
});

interface Page {
  value: { id: string }[];
  "odata.nextLink"?: string;
}

async function page(url: string): Promise<Page> {
  const response = await signedFetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

describe("task list paging", () => {
  it("builds an absolute next link with the client's api-version and options", async () => {
    const filter = "startswith(id,'t') and state eq 'active'";
    const first = await page(
      `${BASE}/jobs/job1/tasks?api-version=2020-09-01.12.0&$filter=${encodeURIComponent(filter)}&$select=id&maxresults=10&timeout=30`,
    );
    expect(first.value).toHaveLength(10);
    const next = first["odata.nextLink"]!;
    expect(next.startsWith(`${BASE}/jobs/job1/tasks?`)).toBe(true);
    const url = new URL(next);
    expect(url.searchParams.get("api-version")).toBe("2020-09-01.12.0");
    expect(url.searchParams.get("$filter")).toBe(filter);
    expect(url.searchParams.get("$select")).toBe("id");
    expect(url.searchParams.get("maxresults")).toBe("10");
    expect(url.searchParams.get("$skiptoken")).toBeTruthy();
    expect(next).not.toMatch(/=(&|$)/);
    expect(next).not.toContain("'");
  });

  it("uses the origin the request was sent to", async () => {
    const other = "https://otheraccount.westus.batch.azure.com";
    const first = await page(`${other}/jobs/job1/tasks?api-version=2025-06-01&maxresults=5`);
    expect(first["odata.nextLink"]!.startsWith(`${other}/jobs/job1/tasks?`)).toBe(true);
  });

  it("follows to the end, as az does with the link as given", async () => {
    const ids: string[] = [];
    let url: string | undefined =
      `${BASE}/jobs/job1/tasks?api-version=2022-10-01.16.0&maxresults=10`;
    let pages = 0;
    while (url) {
      const current: Page = await page(url);
      ids.push(...current.value.map((t) => t.id));
      url = current["odata.nextLink"];
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => `t${String(i).padStart(2, "0")}`));
  });

  it("stays correct while tasks are added and deleted between pages", async () => {
    const ids: string[] = [];
    let url: string | undefined = `${BASE}/jobs/job1/tasks?api-version=2025-06-01&maxresults=10`;
    let round = 0;
    while (url) {
      const current: Page = await page(url);
      ids.push(...current.value.map((t) => t.id));
      url = current["odata.nextLink"];
      round += 1;
      if (round === 1) {
        service.addTask("job1", { id: "added1", commandLine: "x" });
        service.deleteTask("job1", "t15");
        service.deleteTask("job1", "t05");
      }
      if (round === 2) service.addTask("job1", { id: "added2", commandLine: "x" });
    }
    const expected = Array.from({ length: 25 }, (_, i) => `t${String(i).padStart(2, "0")}`).filter(
      (id) => id !== "t15",
    );
    expect(ids).toEqual([...expected, "added1", "added2"]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("pages job lists the same way", async () => {
    for (let i = 0; i < 4; i++) service.addJob({ id: `extra${i}`, poolInfo: { poolId: "p" } });
    const first = await page(`${BASE}/jobs?api-version=2025-06-01&maxresults=3`);
    expect(first.value.map((j) => j.id)).toEqual(["job1", "extra0", "extra1"]);
    const second = await page(first["odata.nextLink"]!);
    expect(second.value.map((j) => j.id)).toEqual(["extra2", "extra3"]);
    expect(second["odata.nextLink"]).toBeUndefined();
  });
});
