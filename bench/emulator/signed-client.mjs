// @ts-check
// A minimal keep-alive HTTP client for the benchmarks: node:http requests signed with the
// development account's Shared Key by @batch/testing's own signer, bodies read whole.
import { Agent, request } from "node:http";
import {
  DEV_ACCOUNT_KEY,
  DEV_ACCOUNT_NAME,
  sharedKeyAuthorization,
  signedRequestFrom,
} from "@batch/testing";

export const API_VERSION = "2025-06-01";

/** @param {number} sockets */
export function createSignedClient(baseUrl, sockets) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });

  /**
   * @param {string} method
   * @param {string} target path and query as sent
   * @param {string} [body] JSON text
   * @returns {Promise<{ status: number, body: string }>}
   */
  function send(method, target, body) {
    /** @type {Record<string, string>} */
    const headers = { "ocp-date": new Date().toUTCString() };
    if (body !== undefined) {
      headers["content-type"] = "application/json; odata=minimalmetadata; charset=utf-8";
      headers["content-length"] = String(Buffer.byteLength(body));
    }
    headers.authorization = sharedKeyAuthorization(
      signedRequestFrom(method, target, headers),
      DEV_ACCOUNT_NAME,
      DEV_ACCOUNT_KEY,
    );
    return new Promise((resolve, reject) => {
      const req = request({ hostname, port, path: target, method, headers, agent }, (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  return { send, close: () => agent.destroy() };
}
