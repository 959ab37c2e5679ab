// @ts-check
// Baseline: node:http with a keep-alive agent, a hand-signed request and JSON.parse.
import http from "node:http";
import { handSigner, rawPaths } from "./hand-signed.mjs";

/** @param {{ url: string, account: string, key: string }} config */
export function create(config) {
  const sign = handSigner(config.account, config.key);
  const agent = new http.Agent({ keepAlive: true });
  const { hostname, port } = new URL(config.url);

  /** @param {string} method @param {string} pathAndQuery @param {string=} body */
  function call(method, pathAndQuery, body) {
    const bytes = body === undefined ? undefined : Buffer.from(body, "utf8");
    const headers = sign(method, pathAndQuery, bytes?.byteLength);
    if (bytes) headers["content-length"] = String(bytes.byteLength);
    return new Promise((resolve, reject) => {
      const req = http.request(
        { hostname, port, path: pathAndQuery, method, headers, agent },
        (res) => {
          /** @type {Buffer[]} */
          const chunks = [];
          res.on("data", (chunk) => chunks.push(chunk));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            if (status < 200 || status > 299)
              reject(new Error(`${method} ${pathAndQuery}: ${status} ${text}`));
            else resolve(JSON.parse(text));
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(bytes);
    });
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
