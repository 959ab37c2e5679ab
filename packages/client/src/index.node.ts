// Public entry of @batch/client on Node (the "node" export condition): the main entry's API,
// with a createBatchClient whose default transport is `@batch/client/node-http` instead of the
// global fetch. Browsers and other runtimes get `index.ts`, which imports no `node:` module.
export * from "./index.js";
export { createBatchClient } from "./node-client.js";
