// Compile-time tests, checked by `tsc -p tsconfig.json` (the typecheck script). Every
// expect-error directive below must meet an error, so loosened types fail the typecheck.
import type { CloudJob, CloudTask, operations, TaskCountsResult } from "@batch/types";
import { expectTypeOf } from "vitest";
import type * as publicApi from "./index.js";
import {
  type AddCollectionResult,
  type AddManyResult,
  type BatchClient,
  createBatchClient,
  isBatchError,
  type NotModified,
  type Page,
  SharedKeyCredential,
  type TaskStateSummary,
  type WithMeta,
  type WriteResult,
} from "./index.js";
import type { ListItem, OkBody, SuccessBody } from "./operations/results.js";

declare const client: BatchClient;

export async function resultTypes(): Promise<void> {
  expectTypeOf(await client.tasks.get("j", "t")).toEqualTypeOf<WithMeta<CloudTask>>();
  expectTypeOf(await client.tasks.get("j", "t", { select: "id" })).toEqualTypeOf<
    WithMeta<CloudTask>
  >();
  expectTypeOf(await client.tasks.get("j", "t", { ifNoneMatch: '"0x1"' })).toEqualTypeOf<
    WithMeta<CloudTask> | NotModified
  >();
  expectTypeOf(await client.jobs.get("j", { ifModifiedSince: new Date() })).toEqualTypeOf<
    WithMeta<CloudJob> | NotModified
  >();
  expectTypeOf(
    await client.tasks.add("j", { id: "t", commandLine: "x" }),
  ).toEqualTypeOf<WriteResult>();
  expectTypeOf(await client.tasks.addCollection("j", [])).toEqualTypeOf<
    WithMeta<AddCollectionResult>
  >();
  const collection = await client.tasks.addCollection("j", [{ id: "t", commandLine: "x" }]);
  expectTypeOf(collection.value?.[0]?.reconciled).toEqualTypeOf<true | undefined>();
  expectTypeOf(await client.tasks.addMany("j", [])).toEqualTypeOf<AddManyResult>();
  expectTypeOf(await client.tasks.waitFor("j")).toEqualTypeOf<TaskStateSummary>();
  expectTypeOf(await client.jobs.getTaskCounts("j")).toEqualTypeOf<WithMeta<TaskCountsResult>>();
  for await (const task of client.tasks.list("j")) expectTypeOf(task).toEqualTypeOf<CloudTask>();
  for await (const page of client.tasks.list("j").byPage())
    expectTypeOf(page).toEqualTypeOf<Page<CloudTask>>();
  const error: unknown = new Error();
  if (isBatchError(error)) expectTypeOf(error.code).toEqualTypeOf<string | undefined>();
}

/** The spec's 200 body of an operation, read straight from the generated `operations`. */
type SpecBody<Op extends keyof operations> = operations[Op] extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

export async function resultTypesFollowTheSpec(): Promise<void> {
  // Each typed operation's result is the spec's response type, not a schema picked by hand...
  expectTypeOf(await client.tasks.get("j", "t")).toEqualTypeOf<WithMeta<OkBody<"Task_Get">>>();
  expectTypeOf<OkBody<"Task_Get">>().toEqualTypeOf<SpecBody<"Task_Get">>();
  expectTypeOf<OkBody<"Job_Get">>().toEqualTypeOf<SpecBody<"Job_Get">>();
  expectTypeOf<OkBody<"Task_ListSubtasks">>().toEqualTypeOf<SpecBody<"Task_ListSubtasks">>();
  expectTypeOf<OkBody<"Job_GetTaskCounts">>().toEqualTypeOf<SpecBody<"Job_GetTaskCounts">>();
  expectTypeOf<ListItem<"Task_List">>().toEqualTypeOf<
    NonNullable<SpecBody<"Task_List">["value"]>[number]
  >();
  expectTypeOf(await client.jobs.getTaskCounts("j")).toEqualTypeOf<
    WithMeta<SpecBody<"Job_GetTaskCounts">>
  >();
  // ...so a changed response in the spec changes the result type with it.
  type ChangedSpec = Omit<operations, "Task_Get"> & {
    Task_Get: { responses: { 200: { content: { "application/json": { renamed: string } } } } };
  };
  expectTypeOf<SuccessBody<ChangedSpec, "Task_Get">>().toEqualTypeOf<{ renamed: string }>();
  expectTypeOf<SuccessBody<ChangedSpec, "Job_Get">>().toEqualTypeOf<CloudJob>();
}

export function publicOptionTypesAreExported(): void {
  // The types public options and signatures use are importable from the entry itself.
  expectTypeOf<NonNullable<publicApi.AddManyOptions["sleep"]>>().toEqualTypeOf<publicApi.Sleep>();
  expectTypeOf<NonNullable<publicApi.WaitForOptions["timers"]>>().toEqualTypeOf<publicApi.Timers>();
  expectTypeOf<
    ConstructorParameters<typeof publicApi.BatchError>[0]
  >().toEqualTypeOf<publicApi.BatchErrorOptions>();
  expectTypeOf<Parameters<publicApi.Pipeline["send"]>[1]>().toEqualTypeOf<
    publicApi.SendOptions | undefined
  >();
  expectTypeOf<publicApi.BatchClient["raw"]>().toEqualTypeOf<
    import("openapi-fetch").Client<publicApi.RawPaths>
  >();
}

export async function rawApiVersionIsOptional(): Promise<void> {
  // The pipeline adds the client's api-version, so raw calls need not pass it...
  const { data } = await client.raw.GET("/jobs/{jobId}/tasks/{taskId}", {
    params: { path: { jobId: "j", taskId: "t" } },
  });
  expectTypeOf(data).toEqualTypeOf<CloudTask | undefined>();
  await client.raw.GET("/jobs", {});
  // ...and may: the one given is sent as it is.
  await client.raw.GET("/jobs/{jobId}/tasks", {
    params: { path: { jobId: "j" }, query: { "api-version": "2024-07-01.20.0", $filter: "x" } },
  });
  // @ts-expect-error api-version is a string
  await client.raw.GET("/jobs", { params: { query: { "api-version": 1 } } });
  // @ts-expect-error the other query parameters keep their types
  await client.raw.GET("/jobs", { params: { query: { maxresults: "10" } } });
  // @ts-expect-error the path parameters are still required
  await client.raw.GET("/jobs/{jobId}/tasks/{taskId}", { params: { path: { jobId: "j" } } });
}

export async function refusedCalls(): Promise<void> {
  // @ts-expect-error misspelt option name
  await client.tasks.get("j", "t", { selct: "id" });
  // @ts-expect-error wrong option type
  await client.tasks.get("j", "t", { timeout: "30" });
  // @ts-expect-error list has no ifMatch
  client.tasks.list("j", { ifMatch: "0x1" });
  // @ts-expect-error maxResults is a number
  client.tasks.list("j", { maxResults: "10" });
  // @ts-expect-error a task needs a commandLine
  await client.tasks.add("j", { id: "t1" });
  // @ts-expect-error commandLine is a string
  await client.tasks.add("j", { id: "t1", commandLine: 42 });
  // @ts-expect-error no such task property
  await client.tasks.add("j", { id: "t1", commandLine: "x", commandline: "y" });
  // @ts-expect-error update takes { constraints }, not a task
  await client.tasks.update("j", "t", { commandLine: "x" });
  // @ts-expect-error maxTaskRetryCount is a number
  await client.tasks.update("j", "t", { constraints: { maxTaskRetryCount: "3" } });
  // @ts-expect-error a job needs poolInfo
  await client.jobs.add({ id: "j" });
  // @ts-expect-error jobs.delete has force, not forced
  await client.jobs.delete("j", { forced: true });
  await client.raw.GET("/jobs/{jobId}/tasks/{taskId}", {
    // @ts-expect-error raw: the path parameter is taskId
    params: { path: { jobId: "j", task: "t" }, query: { "api-version": "2025-06-01" } },
  });
  // @ts-expect-error raw: no such path
  await client.raw.GET("/jobs/{jobId}/nothing", { params: { path: { jobId: "j" } } });
  // @ts-expect-error a client needs a credential
  createBatchClient({ endpoint: "https://a.b" });
  // @ts-expect-error the credential takes an account name and a key
  new SharedKeyCredential("devaccount");
}
