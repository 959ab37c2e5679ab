// An answer whose headers arrive and whose body then stalls, over loopback, with both
// transports: the global fetch (which resolves at the headers, so the pipeline reads the body
// itself) and the node:http transport (which resolves once the body is in). The caller's abort
// and the attempt's deadline must both end such an attempt; a deadline is then retried.
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBatchClient } from "../client.js";
import { SharedKeyCredential } from "../credentials/shared-key-credential.js";
import type { FetchLike } from "../pipeline.js";
import { manualTimers } from "../test-support/manual-timers.js";
import { devAccount, devKey } from "../test-support/scripted-fetch.js";
import { sendGet, testPipeline } from "../test-support/test-pipeline.js";
import { createNodeHttpFetch } from "../transport/node-http.js";

let server: Server;
let base: string;
let requests = 0;
/** Requests to stall, by order of arrival; the others are answered in full. */
const stallRequests = new Set<number>();
/** Called once a stalled answer's headers and first bytes are on the wire. */
let onStalled: () => void = () => undefined;
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const index = requests++;
    res.writeHead(200, { "content-type": "application/json", "request-id": `r-${index}` });
    if (!stallRequests.has(index)) {
      res.end('{"id":"t1","state":"active"}');
      return;
    }
    held.push(res);
    res.write('{"id":"t1",', () => onStalled());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The transports, each reporting when its answer's headers are in (where it can tell). */
const transports: [string, (headersIn: () => void) => FetchLike & { close?: () => void }][] = [
  [
    "global fetch",
    (headersIn) => async (input, init) => {
      const response = await fetch(input, init);
      headersIn();
      return response;
    },
  ],
  ["node:http", () => createNodeHttpFetch()],
];

describe.each(transports)("a body that stalls after the headers (%s)", (_name, transport) => {
  it("ends when the caller aborts", async () => {
    const controller = new AbortController();
    let headers = false;
    let stalled = false;
    const abortOnceReading = () => {
      if (stalled && (headers || _name === "node:http")) controller.abort(new Error("stop"));
    };
    const fetch = transport(() => {
      headers = true;
      abortOnceReading();
    });
    stallRequests.add(requests);
    onStalled = () => {
      stalled = true;
      abortOnceReading();
    };
    const client = createBatchClient({
      endpoint: base,
      credential: new SharedKeyCredential(devAccount, devKey),
      fetch,
    });
    const error = await client.tasks
      .get("j1", "t1", { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "BatchError", kind: "aborted", operation: "Task_Get" });
    fetch.close?.();
  });

  it("ends when the attempt's deadline passes, and the retry gets the answer", async () => {
    const timers = manualTimers();
    let headers = false;
    let stalled = false;
    let expired = false;
    const expireOnceReading = () => {
      if (expired || !stalled || (!headers && _name !== "node:http")) return;
      expired = true;
      timers.fire();
    };
    const fetch = transport(() => {
      headers = true;
      expireOnceReading();
    });
    const first = requests;
    stallRequests.add(first);
    onStalled = () => {
      stalled = true;
      expireOnceReading();
    };
    const answer = await sendGet(
      testPipeline(fetch, { timeoutMs: 30_000, timers }),
      `${base}/jobs/j1/tasks/t1`,
    );
    expect(answer).toEqual({
      status: 200,
      text: '{"id":"t1","state":"active"}',
      attempts: 2,
    });
    expect(requests).toBe(first + 2);
    fetch.close?.();
  });
});
