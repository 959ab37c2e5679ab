// @ts-check
// Shared Key signing written by hand, as a careful user of the raw transports would: the key
// decoded once, one HMAC per request, the string to sign built directly. Used by the raw
// fetch and raw node:http contenders (the baselines).
import { createHmac } from "node:crypto";

const apiVersion = "2025-06-01";

/**
 * @param {string} account
 * @param {string} base64Key
 */
export function handSigner(account, base64Key) {
  const key = Buffer.from(base64Key, "base64");
  /**
   * Headers for one request. `pathAndQuery` is the target as sent ("/jobs/j/tasks?a=b").
   * @param {string} method
   * @param {string} pathAndQuery
   * @param {number | undefined} contentLength
   */
  return function sign(method, pathAndQuery, contentLength) {
    const date = new Date().toUTCString();
    const question = pathAndQuery.indexOf("?");
    const path = question < 0 ? pathAndQuery : pathAndQuery.slice(0, question);
    let resource = `/${account}${path}`;
    if (question >= 0) {
      const params = [...new URLSearchParams(pathAndQuery.slice(question + 1))];
      params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [name, value] of params) resource += `\n${name}:${value}`;
    }
    const type = contentLength === undefined ? "" : "application/json; odata=minimalmetadata";
    const length = contentLength === undefined ? "" : String(contentLength);
    const toSign = `${method}\n\n\n${length}\n\n${type}\n\n\n\n\n\n\nocp-date:${date}\n${resource}`;
    const signature = createHmac("sha256", key).update(toSign, "utf8").digest("base64");
    /** @type {Record<string, string>} */
    const headers = {
      "ocp-date": date,
      authorization: `SharedKey ${account}:${signature}`,
    };
    if (contentLength !== undefined) headers["content-type"] = type;
    return headers;
  };
}

/** Paths of the three calls, with the api-version every raw request carries. */
export const rawPaths = {
  /** @param {string} job @param {string} task */
  task: (job, task) =>
    `/jobs/${encodeURIComponent(job)}/tasks/${encodeURIComponent(task)}?api-version=${apiVersion}`,
  /** @param {string} job */
  tasks: (job) =>
    `/jobs/${encodeURIComponent(job)}/tasks?api-version=${apiVersion}&maxresults=1000`,
  /** @param {string} job */
  addCollection: (job) =>
    `/jobs/${encodeURIComponent(job)}/addtaskcollection?api-version=${apiVersion}`,
};
