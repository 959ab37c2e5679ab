// @ts-check
// The contenders, in the order the table shows them. `ours` marks @batch/client (the targets of
// issue 4 are checked for those, except `informative` ones: the targets apply to addMany, the
// way users are told to add many tasks), `raw` the baselines (and which transport each is),
// `azure` the official SDK;
// `scenarios`, when present, limits a contender to some scenarios.
export const contenders = {
  "batch-client (default)": {
    module: "./contenders/batch-client.mjs",
    options: { transport: "default" },
    ours: true,
  },
  "batch-client (global fetch)": {
    module: "./contenders/batch-client.mjs",
    options: { transport: "global-fetch" },
    ours: true,
  },
  "batch-client addCollection loop": {
    module: "./contenders/batch-client.mjs",
    options: { transport: "default", addCollectionLoop: true },
    ours: true,
    informative: true,
    scenarios: ["add"],
  },
  "raw node:http": {
    module: "./contenders/raw-node-http.mjs",
    options: {},
    raw: "node:http",
  },
  "raw fetch": { module: "./contenders/raw-fetch.mjs", options: {}, raw: "fetch" },
  "@azure/batch 10.2.0": { module: "./contenders/azure-batch.mjs", options: {}, azure: true },
};
