// @ts-check
// Baseline: the global fetch with a hand-signed request and JSON.parse, nothing else.
import { handSigner, rawPaths } from "./hand-signed.mjs";

/** @param {{ url: string, account: string, key: string }} config */
export function create(config) {
  const sign = handSigner(config.account, config.key);

  /** @param {string} method @param {string} pathAndQuery @param {string=} body */
  async function call(method, pathAndQuery, body) {
    const length = body === undefined ? undefined : Buffer.byteLength(body);
    const response = await fetch(`${config.url}${pathAndQuery}`, {
      method,
      headers: sign(method, pathAndQuery, length),
      body,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${pathAndQuery}: ${response.status} ${text}`);
    return JSON.parse(text);
  }

  return {
    /** @param {string} job @param {string} task */
    get: (job, task) => call("GET", rawPaths.task(job, task)),
    /** @param {string} job @param {object[]} tasks */
    async addCollection(job, tasks) {
      return (await call("POST", rawPaths.addCollection(job), JSON.stringify({ value: tasks })))
        .value;
    },
    /** @param {string} job */
    async *items(job) {
      let target = rawPaths.tasks(job);
      for (;;) {
        const page = await call("GET", target);
        yield* page.value;
        const next = page["odata.nextLink"];
        if (next === undefined) return;
        target = next.slice(config.url.length);
      }
    },
  };
}
