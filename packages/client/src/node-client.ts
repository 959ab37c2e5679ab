// createBatchClient as the Node entry (`index.node.ts`) exports it: the same function, whose
// default transport is the node:http one rather than the global fetch. On Node 20 the global fetch
// spends about twice the CPU per request, and ~120 ms on its first use in a short-lived process;
// the node:http transport keeps connections alive without keeping the process alive (idle sockets
// are unref'd by node's agent).
import { type BatchClient, type BatchClientOptions, createClientWith } from "./client.js";
import { nodeHttpFetch } from "./transport/node-http.js";
import { deadlineStarterOf } from "./transport/starts-deadlines.js";

export function createBatchClient(options: BatchClientOptions): BatchClient {
  // An explicit `fetch` (any transport, or `globalThis.fetch`) always wins.
  const fetch = options?.fetch ?? nodeHttpFetch;
  // A node:http transport (the default one, or one from createNodeHttpFetch) starts each
  // attempt's deadline without an AbortController (see transport/light-deadline.ts).
  const start = deadlineStarterOf(fetch);
  return createClientWith(options?.fetch === undefined ? { ...options, fetch } : options, start);
}
