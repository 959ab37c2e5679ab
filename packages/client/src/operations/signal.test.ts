// Every operation hands the caller's AbortSignal to the request it sends, on every request it
// sends (a list's next pages, each of waitFor's polls, each of addMany's requests): aborting
// while the request is out must reach the transport and end the call as "aborted".
import { describe, expect, it } from "vitest";
import type { BatchClient } from "../client.js";
import { json, type Seen, scriptedFetch, testClient } from "../test-support/scripted-fetch.js";

type Call = (client: BatchClient, signal: AbortSignal) => Promise<unknown>;

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iterable) {
    // read every item or page
  }
}

const task = { id: "t1", commandLine: "x" };

/**
 * The operations, each with the request (0-based) during which the caller aborts: a list's
 * second request is its next page; waitFor's third is the first page of its second poll.
 */
const cases: [string, Call, number][] = [
  ["tasks.add", (c, signal) => c.tasks.add("j1", task, { signal }), 0],
  ["tasks.addCollection", (c, signal) => c.tasks.addCollection("j1", [task], { signal }), 0],
  ["tasks.addMany", (c, signal) => c.tasks.addMany("j1", [task], { signal }), 0],
  ["tasks.get", (c, signal) => c.tasks.get("j1", "t1", { signal }), 0],
  ["tasks.list (first page)", (c, signal) => drain(c.tasks.list("j1", { signal })), 0],
  ["tasks.list (next page)", (c, signal) => drain(c.tasks.list("j1", { signal })), 1],
  [
    "tasks.list byPage (next page)",
    (c, signal) => drain(c.tasks.list("j1", { signal }).byPage()),
    1,
  ],
  ["tasks.listSubtasks", (c, signal) => c.tasks.listSubtasks("j1", "t1", { signal }), 0],
  ["tasks.update", (c, signal) => c.tasks.update("j1", "t1", { constraints: {} }, { signal }), 0],
  ["tasks.terminate", (c, signal) => c.tasks.terminate("j1", "t1", { signal }), 0],
  ["tasks.reactivate", (c, signal) => c.tasks.reactivate("j1", "t1", { signal }), 0],
  ["tasks.delete", (c, signal) => c.tasks.delete("j1", "t1", { signal }), 0],
  ["tasks.waitFor (first poll)", (c, signal) => c.tasks.waitFor("j1", { signal }), 0],
  [
    "tasks.waitFor (a later poll)",
    (c, signal) => c.tasks.waitFor("j1", { signal, sleep: async () => undefined }),
    2,
  ],
  [
    "tasks.waitFor with a deadline (a later poll)",
    (c, signal) =>
      c.tasks.waitFor("j1", { signal, timeoutMs: 60_000, sleep: async () => undefined }),
    2,
  ],
  ["jobs.add", (c, signal) => c.jobs.add({ id: "j1", poolInfo: { poolId: "p" } }, { signal }), 0],
  ["jobs.get", (c, signal) => c.jobs.get("j1", { signal }), 0],
  ["jobs.list (first page)", (c, signal) => drain(c.jobs.list({ signal })), 0],
  ["jobs.list (next page)", (c, signal) => drain(c.jobs.list({ signal })), 1],
  ["jobs.delete", (c, signal) => c.jobs.delete("j1", { signal }), 0],
  ["jobs.terminate", (c, signal) => c.jobs.terminate("j1", { signal }), 0],
  ["jobs.getTaskCounts", (c, signal) => c.jobs.getTaskCounts("j1", { signal }), 0],
];

/** Answers every request but `abortAt`, during which the caller aborts. */
function service(controller: AbortController, abortAt: number) {
  return scriptedFetch((seen: Seen) => {
    if (seen.index === abortAt) {
      controller.abort(new Error("caller gave up"));
      // Only a signal linked to the caller's is aborted now; without one the call goes on.
      if (seen.signal?.aborted) return Promise.reject(seen.signal.reason);
    }
    // Lists have two pages: a first one with a next link, and the last one. A running task,
    // so waitFor polls again; results for add-collection; counts.
    const first = !seen.url.searchParams.has("$skiptoken");
    const next = `${seen.url.origin}${seen.url.pathname}?$skiptoken=2`;
    return json({
      value: [{ id: "t1", state: "running", status: "success", taskId: "t1" }],
      "odata.nextLink": first ? next : undefined,
      taskCounts: {},
    });
  });
}

describe("every operation passes the caller's signal to its requests", () => {
  it.each(cases)("%s", async (_name, call, abortAt) => {
    const controller = new AbortController();
    const fetch = service(controller, abortAt);
    // No per-attempt deadline: the only signal a request can carry is the caller's.
    const client = testClient(fetch, { timeoutMs: 0 });
    const error = await call(client, controller.signal).then(
      () => new Error("the call was not aborted"),
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "BatchError", kind: "aborted" });
    expect(fetch.calls).toHaveLength(abortAt + 1);
    expect(fetch.calls[abortAt]!.signal?.aborted).toBe(true);
  });
});
