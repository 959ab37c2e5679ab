// @ts-check
// The client side of the loopback benchmarks, in a worker thread so that its work never runs on
// the emulator's event loop. Jobs: "add" (N concurrent Task_AddCollection requests of 100 tasks)
// and "page" (Task_List page by page through odata.nextLink). Posts its timings back.
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { benchTask } from "./bench-task.mjs";
import { API_VERSION, createSignedClient } from "./signed-client.mjs";

/**
 * @param {{ url: string, jobId: string, tasks: number, concurrency: number, firstIndex: number }} job
 */
async function add({ url, jobId, tasks, concurrency, firstIndex }) {
  const client = createSignedClient(url, concurrency);
  const target = `/jobs/${jobId}/addtaskcollection?api-version=${API_VERSION}`;
  const chunks = Math.ceil(tasks / 100);
  let next = 0;
  let added = 0;
  const start = performance.now();
  async function lane() {
    while (next < chunks) {
      const chunk = next++;
      const first = firstIndex + chunk * 100;
      const count = Math.min(100, tasks - chunk * 100);
      const value = Array.from({ length: count }, (_, i) => benchTask(first + i));
      const response = await client.send("POST", target, JSON.stringify({ value }));
      if (response.status !== 200)
        throw new Error(`addtaskcollection: ${response.status} ${response.body}`);
      for (const result of JSON.parse(response.body).value) {
        if (result.status !== "success") throw new Error(`task ${result.taskId}: ${result.status}`);
        added++;
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  const ms = performance.now() - start;
  client.close();
  return { added, ms };
}

/**
 * Lists the whole job `passes + 1` times in this worker (the first pass warms it up) and
 * returns each measured pass's page times.
 * @param {{ url: string, jobId: string, maxResults: number, passes: number }} job
 */
async function page({ url, jobId, maxResults, passes }) {
  const client = createSignedClient(url, 1);
  // Open the connection first, so the first page's time is the page's, not the handshake's.
  await client.send("GET", `/jobs/${jobId}?api-version=${API_VERSION}`);
  /** @type {{ listed: number, pageMs: number[], ms: number }[]} */
  const results = [];
  for (let pass = 0; pass <= passes; pass++) {
    /** @type {number[]} */
    const pageMs = [];
    let listed = 0;
    let target = `/jobs/${jobId}/tasks?api-version=${API_VERSION}&maxresults=${maxResults}`;
    const start = performance.now();
    for (;;) {
      const t0 = performance.now();
      const response = await client.send("GET", target);
      if (response.status !== 200) throw new Error(`list: ${response.status} ${response.body}`);
      const body = JSON.parse(response.body);
      pageMs.push(performance.now() - t0);
      listed += body.value.length;
      const nextLink = body["odata.nextLink"];
      if (!nextLink) break;
      const link = new URL(nextLink);
      target = `${link.pathname}${link.search}`;
    }
    if (pass > 0) results.push({ listed, pageMs, ms: performance.now() - start });
  }
  client.close();
  return results;
}

const jobs = { add, page };
const { kind, ...args } = workerData;
jobs[/** @type {"add" | "page"} */ (kind)](/** @type {any} */ (args)).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error) => parentPort?.postMessage({ ok: false, error: String(error?.stack ?? error) }),
);
