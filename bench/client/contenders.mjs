// @ts-check
// The contenders, in the order the table shows them.
export const contenders = {
  "batch-client/node-http": {
    module: "./contenders/batch-client.mjs",
    options: { transport: "node-http" },
    ours: true,
  },
  "batch-client/fetch": {
    module: "./contenders/batch-client.mjs",
    options: { transport: "fetch" },
    ours: true,
  },
  "raw node:http": { module: "./contenders/raw-node-http.mjs", options: {}, raw: true },
  "raw fetch": { module: "./contenders/raw-fetch.mjs", options: {}, raw: true },
  "@azure/batch 10.2.0": { module: "./contenders/azure-batch.mjs", options: {}, azure: true },
};
