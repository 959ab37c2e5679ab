// @ts-check
// The official SDK, @azure/batch 10.2.0 (ms-rest-js, node-fetch), with its retry policy off.
// No per-call timeouts are passed: ms-rest-js keeps a timer per call that holds the process
// open, so the contender process ends with process.exit.
import { BatchServiceClient, BatchSharedKeyCredentials } from "@azure/batch";

/** @param {{ url: string, account: string, key: string }} config */
export function create(config) {
  const client = new BatchServiceClient(
    new BatchSharedKeyCredentials(config.account, config.key),
    config.url,
    { noRetryPolicy: true },
  );
  return {
    /** @param {string} job @param {string} task */
    get: (job, task) => client.task.get(job, task),
    /** @param {string} job @param {any[]} tasks */
    async addCollection(job, tasks) {
      return (await client.task.addCollection(job, tasks)).value ?? [];
    },
    /** @param {string} job */
    async *items(job) {
      let page = await client.task.list(job, { taskListOptions: { maxResults: 1000 } });
      for (;;) {
        yield* page;
        if (!page.odatanextLink) return;
        page = await client.task.listNext(page.odatanextLink);
      }
    },
  };
}
