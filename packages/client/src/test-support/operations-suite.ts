// Test-only: every task and job operation and option, end to end against @batch/testing. The
// same suite runs on each integration target (in process, loopback with the global fetch,
// loopback with the node:http transport), so the client is shown to work the same on all three.
import { inspect } from "node:util";
import type { TaskAddParameter } from "@batch/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharedKeyCredential } from "../credentials/shared-key-credential.js";
import { type BatchError, isBatchError } from "../errors.js";
import { apiVersion } from "../index.js";
import { isNotModified } from "../operations/invoke.js";
import type { IntegrationTarget, TargetFactory } from "./integration-target.js";
import { devKey } from "./scripted-fetch.js";

let jobCounter = 0;

/** A fresh job per test, so tests never see each other's tasks. */
async function newJob(target: IntegrationTarget, label: string): Promise<string> {
  jobCounter += 1;
  const id = `${label}-${jobCounter}`;
  await target.client().jobs.add({ id, poolInfo: { poolId: "pool-1" } });
  return id;
}

function task(id: string, extra: Partial<TaskAddParameter> = {}): TaskAddParameter {
  return { id, commandLine: `/bin/sh -c 'echo ${id}'`, ...extra };
}

async function caught(promise: Promise<unknown>): Promise<BatchError> {
  try {
    await promise;
  } catch (error) {
    if (isBatchError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The resource's own properties, without OData annotations such as `odata.metadata`. */
function properties(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith("odata.")));
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function describeOperations(name: string, factory: TargetFactory): void {
  describe(`operations end to end (${name})`, () => {
    let target: IntegrationTarget;
    beforeAll(async () => {
      target = await factory();
    });
    afterAll(async () => {
      await target?.close();
    });

    it("adds a task and reads it back with $select and $expand, with the write headers", async () => {
      const client = target.client();
      const jobId = await newJob(target, "get");
      const added = await client.tasks.add(jobId, task("t1", { displayName: "first" }));
      expect(added.reconciled).toBe(false);
      expect(added.meta.status).toBe(201);
      expect(added.meta.eTag).toMatch(/^"?0x[0-9A-F]+"?$/i);
      expect(added.meta.lastModified).toMatch(/GMT$/);
      expect(added.meta.requestId).toMatch(guid);
      expect(added.meta.dataServiceId).toBe(`${target.endpoint}/jobs/${jobId}/tasks/t1`);
      expect(added.meta.attempts).toBe(1);

      const full = await client.tasks.get(jobId, "t1");
      expect(full).toMatchObject({ id: "t1", displayName: "first", state: "active" });
      expect(full.meta.eTag).toBe(added.meta.eTag);
      expect(full.meta.lastModified).toBe(added.meta.lastModified);
      expect(full.meta.requestId).toMatch(guid);
      expect(JSON.stringify(full)).not.toContain('"meta"');

      const light = await client.tasks.get(jobId, "t1", { select: ["id", "state"] });
      expect(properties(light)).toEqual({ id: "t1", state: "active" });
      const withStats = await client.tasks.get(jobId, "t1", {
        select: "id,stats",
        expand: "stats",
      });
      expect(Object.keys(properties(withStats)).sort()).toEqual(["id", "stats"]);

      const seen = target.received.filter((c) => c.operation === "Task_Get").slice(-2);
      expect(seen[0]!.url.searchParams.get("$select")).toBe("id,state");
      expect(seen[1]!.url.searchParams.get("$expand")).toBe("stats");
      expect(seen[1]!.url.searchParams.get("api-version")).toBe(apiVersion);
    });

    it("lists across pages with $filter, $select and maxResults, as items and by page", async () => {
      const client = target.client();
      const jobId = await newJob(target, "list");
      const ids = Array.from({ length: 25 }, (_, i) => `a-${String(i).padStart(2, "0")}`);
      const result = await client.tasks.addCollection(jobId, [
        ...ids.map((id) => task(id)),
        task("b-only"),
      ]);
      expect(result.value?.every((r) => r.status === "success")).toBe(true);

      const items = await collect(
        client.tasks.list(jobId, { filter: "startswith(id,'a-')", select: "id", maxResults: 10 }),
      );
      expect(items.map((t) => t.id)).toEqual(ids);
      expect(items.every((t) => Object.keys(properties(t)).join() === "id")).toBe(true);
      const firstListCall = target.received.filter((c) => c.operation === "Task_List").at(-3)!;
      expect(firstListCall.url.searchParams.get("maxresults")).toBe("10");
      expect(firstListCall.url.searchParams.get("$filter")).toBe("startswith(id,'a-')");

      const pager = client.tasks.list(jobId, { filter: "startswith(id,'a-')", select: "id" });
      const pages = await collect(pager.byPage({ maxPageSize: 10 }));
      expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
      expect(pages[2]!.continuationToken).toBeUndefined();
      expect(pages[0]!.meta.requestId).toMatch(guid);

      // Resume from the first page's token: the rest, no repeats, no gaps.
      const resumed = await collect(
        pager.byPage({ continuationToken: pages[0]!.continuationToken! }),
      );
      expect(resumed.flatMap((p) => p.items.map((t) => t.id))).toEqual(ids.slice(10));

      const all = await collect(client.tasks.list(jobId));
      expect(all).toHaveLength(26);
    });

    it("lists the subtasks of a multi-instance task", async () => {
      const client = target.client();
      const jobId = await newJob(target, "mi");
      await client.tasks.add(
        jobId,
        task("mpi", {
          multiInstanceSettings: { numberOfInstances: 3, coordinationCommandLine: "setup" },
        }),
      );
      expect((await client.tasks.listSubtasks(jobId, "mpi")).value).toEqual([]);
      target.service.startTask(jobId, "mpi");
      target.service.completeSubtask(jobId, "mpi", 1, { exitCode: 0 });
      const subtasks = await client.tasks.listSubtasks(jobId, "mpi", { select: "id,state" });
      expect(subtasks.value).toEqual([
        { id: 0, state: "running" },
        { id: 1, state: "completed" },
        { id: 2, state: "running" },
      ]);
      expect(subtasks.meta.requestId).toMatch(guid);
    });

    it("updates, terminates, reactivates and deletes a task", async () => {
      const client = target.client();
      const jobId = await newJob(target, "life");
      await client.tasks.add(jobId, task("t1"));

      const updated = await client.tasks.update(jobId, "t1", {
        constraints: { maxTaskRetryCount: 2, retentionTime: "PT1H" },
      });
      expect(updated.meta.status).toBe(200);
      const afterUpdate = await client.tasks.get(jobId, "t1", { select: "constraints" });
      expect(afterUpdate.constraints).toMatchObject({
        maxTaskRetryCount: 2,
        retentionTime: "PT1H",
      });

      target.service.startTask(jobId, "t1");
      const terminated = await client.tasks.terminate(jobId, "t1");
      expect(terminated).toMatchObject({ reconciled: false, meta: { status: 204 } });
      const ended = await client.tasks.get(jobId, "t1", { select: "state,executionInfo" });
      expect(ended.state).toBe("completed");
      expect(ended.executionInfo?.result).toBe("failure");

      const reactivated = await client.tasks.reactivate(jobId, "t1");
      expect(reactivated.meta.status).toBe(204);
      expect((await client.tasks.get(jobId, "t1", { select: "state" })).state).toBe("active");

      const deleted = await client.tasks.delete(jobId, "t1");
      expect(deleted.meta.status).toBe(200);
      const gone = await caught(client.tasks.get(jobId, "t1"));
      expect(gone).toMatchObject({ kind: "service", status: 404, code: "TaskNotFound" });
    });

    it("honours If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since", async () => {
      const client = target.client();
      const jobId = await newJob(target, "cond");
      const added = await client.tasks.add(jobId, task("t1"));
      const { eTag, lastModified } = added.meta;

      const unchanged = await client.tasks.get(jobId, "t1", { ifNoneMatch: eTag! });
      expect(isNotModified(unchanged)).toBe(true);
      expect(unchanged.meta.status).toBe(304);
      const sinceWrite = await client.tasks.get(jobId, "t1", { ifModifiedSince: lastModified! });
      expect(isNotModified(sinceWrite)).toBe(true);
      const changed = await client.tasks.get(jobId, "t1", { ifNoneMatch: '"0x1"' });
      expect(isNotModified(changed)).toBe(false);
      const readIfMatch = await client.tasks.get(jobId, "t1", { ifMatch: eTag! });
      expect(readIfMatch.id).toBe("t1");

      const stale = await caught(
        client.tasks.update(jobId, "t1", { constraints: {} }, { ifMatch: '"0x1"' }),
      );
      expect(stale).toMatchObject({
        status: 412,
        code: "ConditionNotMet",
        operation: "Task_Update",
      });
      const old = await caught(
        client.tasks.delete(jobId, "t1", { ifUnmodifiedSince: new Date("2000-01-01T00:00:00Z") }),
      );
      expect(old).toMatchObject({ status: 412, code: "ConditionNotMet" });
      const ok = await client.tasks.update(jobId, "t1", { constraints: {} }, { ifMatch: eTag! });
      expect(ok.meta.eTag).not.toBe(eTag);

      const sent = target.received.filter((c) => c.operation === "Task_Delete").at(-1)!;
      expect(sent.headers.get("if-unmodified-since")).toBe("Sat, 01 Jan 2000 00:00:00 GMT");
    });

    it("sends one client-request-id per call and echoes it on request", async () => {
      const jobId = await newJob(target, "crid");
      const plain = target.client();
      const mine = "5e1d8c0a-3c2b-4a69-9f3e-2f8d8a6f9b11";
      const own = await plain.tasks.add(jobId, task("t1"), {
        clientRequestId: mine,
        returnClientRequestId: true,
        ocpDate: new Date(),
        timeout: 30,
      });
      expect(own.meta.clientRequestId).toBe(mine);
      const wire = target.received.at(-1)!;
      expect(wire.headers.get("client-request-id")).toBe(mine);
      expect(wire.headers.get("return-client-request-id")).toBe("true");
      expect(wire.url.searchParams.get("timeout")).toBe("30");

      const echoing = target.client({ returnClientRequestId: true });
      const got = await echoing.tasks.get(jobId, "t1");
      const echoed = target.received.at(-1)!;
      expect(echoed.headers.get("client-request-id")).toMatch(guid);
      expect(got.meta.clientRequestId).toBe(echoed.headers.get("client-request-id"));
      expect(echoed.headers.get("user-agent")).toMatch(/^batch-client\/\S+ node\/\S+$/);
    });

    it("runs the job operations", async () => {
      const client = target.client();
      const jobId = await newJob(target, "jobs");
      const job = await client.jobs.get(jobId, { select: "id,state,poolInfo" });
      expect(properties(job)).toEqual({
        id: jobId,
        state: "active",
        poolInfo: { poolId: "pool-1" },
      });
      expect(job.meta.eTag).toBeDefined();
      const unchanged = await client.jobs.get(jobId, { ifNoneMatch: job.meta.eTag! });
      expect(isNotModified(unchanged)).toBe(true);

      const listed = await collect(client.jobs.list({ filter: `id eq '${jobId}'`, select: "id" }));
      expect(listed.map((j) => j.id)).toEqual([jobId]);

      await client.tasks.addCollection(jobId, [task("t1"), task("t2"), task("t3")]);
      target.service.startTask(jobId, "t2");
      target.service.completeTask(jobId, "t3", { exitCode: 1 });
      const counts = await client.jobs.getTaskCounts(jobId);
      expect(counts.taskCounts).toEqual({
        active: 1,
        running: 1,
        completed: 1,
        succeeded: 0,
        failed: 1,
      });
      expect(counts.meta.requestId).toMatch(guid);

      const terminated = await client.jobs.terminate(jobId, { terminateReason: "done here" });
      expect(terminated.meta.status).toBe(202);
      const ending = await client.jobs.get(jobId, { select: "state,executionInfo" });
      expect(["terminating", "completed"]).toContain(ending.state);
      await waitUntil(async () => (await client.jobs.get(jobId)).state === "completed");
      expect((await client.jobs.get(jobId)).executionInfo?.terminateReason).toBe("done here");

      const deleted = await client.jobs.delete(jobId);
      expect(deleted.meta.status).toBe(202);
      await waitUntil(async () => {
        const error = await caught(client.jobs.get(jobId)).catch(() => undefined);
        return error?.code === "JobNotFound";
      });
      const missing = await caught(client.tasks.add(jobId, task("late")));
      expect(missing).toMatchObject({ status: 404, code: "JobNotFound", operation: "Task_Add" });
    });

    it("turns the service's refusals into typed BatchErrors", async () => {
      const client = target.client();
      const jobId = await newJob(target, "errors");
      await client.tasks.add(jobId, task("t1"));

      const exists = await caught(client.tasks.add(jobId, task("T1")));
      expect(exists).toMatchObject({
        name: "BatchError",
        kind: "service",
        status: 409,
        code: "TaskExists",
        operation: "Task_Add",
        attempts: 1,
        retried: false,
      });
      expect(exists.requestId).toMatch(guid);
      expect(exists.clientRequestId).toBe(target.received.at(-1)!.headers.get("client-request-id"));

      const notFound = await caught(client.tasks.get(jobId, "nope"));
      expect(notFound).toMatchObject({ status: 404, code: "TaskNotFound" });
      const noJob = await caught(client.tasks.list("no-such-job")[Symbol.asyncIterator]().next());
      expect(noJob).toMatchObject({ status: 404, code: "JobNotFound", operation: "Task_List" });

      const badId = await caught(client.tasks.add(jobId, task("bad id!")));
      expect(badId).toMatchObject({ status: 400, code: "InvalidPropertyValue" });
      expect(badId.values).toContainEqual({ key: "PropertyName", value: "id" });

      const noCommand = await caught(
        client.tasks.add(jobId, { id: "t2" } as unknown as TaskAddParameter),
      );
      expect(noCommand).toMatchObject({ status: 400, code: "MissingRequiredProperty" });
      expect(noCommand.values).toContainEqual({ key: "PropertyName", value: "commandLine" });

      const oldVersion = await caught(
        target.client({ apiVersion: "1999-01-01" }).tasks.get(jobId, "t1"),
      );
      expect(oldVersion).toMatchObject({ status: 400, code: "UnsupportedRequestVersion" });
    });

    it("fails with AuthenticationFailed for a wrong key, and never shows a key or signature", async () => {
      const lines: string[] = [];
      const wrongKey = Buffer.alloc(32, 7).toString("base64");
      const client = target.client({
        credential: new SharedKeyCredential("devaccount", wrongKey),
        logger: (level, message, details) =>
          lines.push(`${level} ${message} ${JSON.stringify(details)}`),
      });
      const before = target.received.length;
      const error = await caught(client.jobs.get("anything"));
      expect(error).toMatchObject({ kind: "service", status: 403, code: "AuthenticationFailed" });
      expect(target.received.length).toBe(before); // refused before any operation ran
      const shown = [JSON.stringify(error), inspect(error, { depth: 5 }), String(error), ...lines];
      for (const text of shown) {
        expect(text).not.toContain(wrongKey);
        expect(text).not.toContain(devKey);
        expect(text).not.toMatch(/SharedKey devaccount:[A-Za-z0-9+/=]{20,}/);
      }
      expect(lines.join("\n")).toContain("REDACTED");
    });

    it("authenticates with bearer tokens when the service accepts them", async () => {
      const bearerTarget = await factory({ bearer: (token) => token === "good-token" });
      try {
        const scopes: unknown[] = [];
        const good = bearerTarget.client({
          credential: {
            async getToken(scope) {
              scopes.push(scope);
              return { token: "good-token", expiresOnTimestamp: Date.now() + 3_600_000 };
            },
          },
        });
        await good.jobs.add({ id: "bearer-job", poolInfo: { poolId: "p" } });
        await good.tasks.add("bearer-job", task("t1"));
        expect((await good.tasks.get("bearer-job", "t1")).id).toBe("t1");
        expect(scopes).toEqual([["https://batch.core.windows.net//.default"]]);
        const wire = bearerTarget.received.at(-1)!;
        expect(wire.headers.get("authorization")).toBe("Bearer good-token");
        expect(wire.headers.get("ocp-date")).toMatch(/GMT$/);

        const bad = bearerTarget.client({
          credential: {
            getToken: async () => ({
              token: "bad-token",
              expiresOnTimestamp: Date.now() + 3_600_000,
            }),
          },
        });
        const refused = await caught(bad.tasks.get("bearer-job", "t1"));
        expect(refused).toMatchObject({ kind: "service", code: "AuthenticationFailed" });
        expect(JSON.stringify(refused)).not.toContain("bad-token");
      } finally {
        await bearerTarget.close();
      }
    });

    it("waits for tasks run by the simulated executor", async () => {
      const simulated = await factory({ executor: "simulated" });
      try {
        const client = simulated.client();
        await client.jobs.add({ id: "wait-job", poolInfo: { poolId: "p" } });
        await client.tasks.addMany(
          "wait-job",
          Array.from({ length: 12 }, (_, i) =>
            task(`w${i}`, { commandLine: i % 4 === 0 ? "/bin/sh -c 'exit 3'" : "true" }),
          ),
        );
        const progress: number[] = [];
        const summary = await client.tasks.waitFor("wait-job", {
          pollIntervalMs: 50,
          timeoutMs: 20_000,
          onProgress: (s) => progress.push(s.completed),
        });
        expect(summary).toMatchObject({ total: 12, completed: 12, succeeded: 9, failed: 3 });
        expect(summary.failedTaskIds.sort()).toEqual(["w0", "w4", "w8"]);
        expect(progress.at(-1)).toBe(12);
        const polls = simulated.received.filter((c) => c.operation === "Task_List");
        expect(polls.length).toBe(summary.polls);
        expect(polls[0]!.url.searchParams.get("$select")).toBe("id,state,executionInfo");
      } finally {
        await simulated.close();
      }
    });
  });
}

/** Polls a condition the service reaches on its own timers (job transitions). */
async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("condition not reached");
}
