// @ts-check
// @batch/client as users run it: typed operations, addMany for bulk adds, for-await paging.
// `transport` "default" passes no `fetch` (on Node the package's node entry then sends over
// node:http); "global-fetch" passes Node's global fetch explicitly. `addCollectionLoop` leaves
// addMany out, so the add scenario calls addCollection in chunks of 100 like the baselines.
import { createBatchClient, SharedKeyCredential } from "@batch/client";

/**
 * @param {{ url: string, account: string, key: string,
 *   transport: "default" | "global-fetch", addCollectionLoop?: boolean }} config
 */
export function create(config) {
  if (config.transport === "default") {
    // The measurement is of the default transport only if the client never calls the global
    // fetch (on Node the package's node entry sends over node:http).
    globalThis.fetch = () => {
      throw new Error("the default transport went through the global fetch");
    };
  }
  const client = createBatchClient({
    endpoint: config.url,
    credential: new SharedKeyCredential(config.account, config.key),
    ...(config.transport === "global-fetch"
      ? { fetch: (input, init) => globalThis.fetch(input, init) }
      : {}),
  });
  /** @type {Record<string, any>} */
  const contender = {
    /** @param {string} job @param {string} task */
    get: (job, task) => client.tasks.get(job, task),
    /** @param {string} job @param {import("@batch/client").TaskAddParameter[]} tasks */
    async addCollection(job, tasks) {
      return (await client.tasks.addCollection(job, tasks)).value;
    },
    /** @param {string} job */
    items: (job) => client.tasks.list(job, { maxResults: 1000 }),
  };
  if (!config.addCollectionLoop) {
    /**
     * @param {string} job
     * @param {import("@batch/client").TaskAddParameter[]} tasks
     * @param {number} concurrency
     */
    contender.addMany = async (job, tasks, concurrency) => {
      const result = await client.tasks.addMany(job, tasks, { concurrency });
      if (result.failed > 0) throw new Error(`${result.failed} tasks failed`);
      return result.added;
    };
  }
  return contender;
}
