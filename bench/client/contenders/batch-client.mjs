// @ts-check
// @batch/client as users run it: typed operations, addMany for bulk adds, for-await paging.
// `transport` picks the global fetch (the default) or the @batch/client/node-http transport.
import { createBatchClient, SharedKeyCredential } from "@batch/client";
import { createNodeHttpFetch } from "@batch/client/node-http";

/** @param {{ url: string, account: string, key: string, transport: "fetch" | "node-http" }} config */
export function create(config) {
  const client = createBatchClient({
    endpoint: config.url,
    credential: new SharedKeyCredential(config.account, config.key),
    ...(config.transport === "node-http" ? { fetch: createNodeHttpFetch() } : {}),
  });
  return {
    /** @param {string} job @param {string} task */
    get: (job, task) => client.tasks.get(job, task),
    /** @param {string} job @param {import("@batch/client").TaskAddParameter[]} tasks */
    async addCollection(job, tasks) {
      return (await client.tasks.addCollection(job, tasks)).value;
    },
    /**
     * @param {string} job
     * @param {import("@batch/client").TaskAddParameter[]} tasks
     * @param {number} concurrency
     */
    async addMany(job, tasks, concurrency) {
      const result = await client.tasks.addMany(job, tasks, { concurrency });
      if (result.failed > 0) throw new Error(`${result.failed} tasks failed`);
      return result.added;
    },
    /** @param {string} job */
    items: (job) => client.tasks.list(job, { maxResults: 1000 }),
  };
}
