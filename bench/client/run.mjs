// @ts-check
// The client benchmark: one command, every contender side by side against one local server.
//
//   npx -y pnpm@12.4.2 --filter @batch/bench bench:client [--reps=5] [--scenarios=get,add1,add8,list]
//   npx -y pnpm@12.4.2 --filter @batch/bench bench:client --quick    (one repetition: a smoke run)
//
// The package script first builds what the bench imports (turbo: @batch/client, @batch/testing
// and @batch/types), then runs this file.
//
// The server (canned-server.mjs) runs in a child process; each run of a contender on a scenario
// is a fresh child process too, so peaks of memory and client CPU belong to that run alone. The
// runs of one repetition go in a rotating order, and the table shows medians over repetitions
// and ratios paired within each repetition. It is a measurement to read, not a test.
import { spawn } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { contenders } from "./contenders.mjs";
import { scenarios } from "./scenarios.mjs";

// Node's own parser: a mistyped option stops the run instead of being ignored. pnpm may pass
// a "--" before the options.
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    reps: { type: "string" },
    quick: { type: "boolean" },
    scenarios: { type: "string" },
  },
});
const reps = Number(args.reps ?? (args.quick ? 1 : 5));
if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps must be a whole number ≥ 1`);
/** Scenario variants: the add scenario runs at concurrency 1 and 8. */
const variants = {
  get: { scenario: "get", concurrency: 1, title: scenarios.get.title },
  add1: { scenario: "add", concurrency: 1, title: `${scenarios.add.title}, concurrency 1` },
  add8: { scenario: "add", concurrency: 8, title: `${scenarios.add.title}, concurrency 8` },
  list: { scenario: "list", concurrency: 1, title: scenarios.list.title },
};
const chosen = (args.scenarios ?? "get,add1,add8,list").split(",");
/** The contenders that run a scenario. */
const namesFor = (scenario) =>
  Object.keys(contenders).filter((name) => contenders[name].scenarios?.includes(scenario) ?? true);
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/** Starts the server and resolves with what it printed on its first line. */
function startServer() {
  const child = spawn(process.execPath, [here("./canned-server.mjs")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
      const line = text.split("\n")[0];
      if (text.includes("\n")) resolve({ child, info: JSON.parse(line ?? "") });
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** One measured run in its own process. */
function runOnce(contender, variant, server) {
  const spec = JSON.stringify({
    contender,
    scenario: variant.scenario,
    concurrency: variant.concurrency,
    server,
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here("./contender-process.mjs"), spec], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").at(-1) ?? ""));
      else reject(new Error(`${contender} on ${variant.scenario} failed (${code}): ${err || out}`));
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(0);

/** The peak RSS of a Node process that does nothing. */
function emptyNodeRss() {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["-e", "process.stdout.write(String(process.resourceUsage().maxRSS * 1024))"],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`${code}`))));
  });
}

async function bundleSize() {
  const result = await build({
    stdin: { contents: 'export * from "@batch/client";', resolveDir: here("."), loader: "js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  return gzipSync(result.outputFiles[0].text).byteLength;
}

const { child: server, info } = await startServer();
const table = [];
try {
  for (const key of chosen) {
    const variant = variants[key];
    if (!variant) throw new Error(`unknown scenario ${key}; choose from ${Object.keys(variants)}`);
    const names = namesFor(variant.scenario);
    /** @type {Record<string, any[]>} */
    const runs = Object.fromEntries(names.map((name) => [name, []]));
    for (let rep = 0; rep < reps; rep++) {
      const order = names.map((_, i) => names[(i + rep) % names.length]);
      for (const name of order) runs[name].push(await runOnce(name, variant, info));
      process.stderr.write(`${key}: repetition ${rep + 1}/${reps} done\n`);
    }
    const azure = names.find((name) => contenders[name].azure);
    const raws = names.filter((name) => contenders[name].raw);
    const rawFetch = names.find((name) => contenders[name].raw === "fetch");
    const rawHttp = names.find((name) => contenders[name].raw === "node:http");
    for (const name of names) {
      const mine = runs[name];
      const paired = (other) => median(mine.map((run, i) => other[i].wallMs / run.wallMs));
      /** Median over repetitions of this contender's figure ÷ the other's in the same repetition. */
      const ratio = (other, field) =>
        other === undefined
          ? Number.NaN
          : median(mine.map((run, i) => run[field] / runs[other][i][field]));
      const fastestRaw = mine.map((_, i) => Math.min(...raws.map((raw) => runs[raw][i].wallMs)));
      table.push({
        scenario: key,
        contender: name,
        wallMs: median(mine.map((r) => r.wallMs)),
        cpuMs: median(mine.map((r) => r.cpuMs)),
        rssMiB: median(mine.map((r) => r.maxRssBytes)),
        heapMiB: median(mine.map((r) => r.peakHeapBytes)),
        loadedRssMiB: median(mine.map((r) => r.loadedRssBytes)),
        speedupVsAzure: paired(runs[azure]),
        vsFastestRaw: median(mine.map((run, i) => run.wallMs / fastestRaw[i])),
        rssVsAzure: median(mine.map((run, i) => run.maxRssBytes / runs[azure][i].maxRssBytes)),
        heapVsAzure: median(mine.map((run, i) => run.peakHeapBytes / runs[azure][i].peakHeapBytes)),
        wallVs: [ratio(rawFetch, "wallMs"), ratio(rawHttp, "wallMs"), ratio(azure, "wallMs")],
        cpuVs: [ratio(rawFetch, "cpuMs"), ratio(rawHttp, "cpuMs"), ratio(azure, "cpuMs")],
        rssVs: [
          ratio(rawFetch, "maxRssBytes"),
          ratio(rawHttp, "maxRssBytes"),
          ratio(azure, "maxRssBytes"),
        ],
      });
    }
  }
} finally {
  server.kill("SIGTERM");
}

const cpus = os.cpus();
console.log(
  `\n@batch/client benchmark: ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ` +
    `${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim()}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB; canned loopback server in its own process; ` +
    `${reps} repetitions, medians; ratios paired per repetition.\n`,
);
const header = [
  "scenario",
  "contender",
  "wall ms",
  "client CPU ms",
  "peak RSS MiB",
  "peak heap MiB",
  "speed-up vs @azure/batch",
  "wall vs fastest raw",
  "RSS vs @azure/batch",
  "heap vs @azure/batch",
];
const rows = table.map((row) => [
  row.scenario,
  row.contender,
  row.wallMs.toFixed(0),
  row.cpuMs.toFixed(0),
  mib(row.rssMiB),
  mib(row.heapMiB),
  `${row.speedupVsAzure.toFixed(2)}x`,
  `${row.vsFastestRaw.toFixed(2)}x`,
  `${row.rssVsAzure.toFixed(2)}x`,
  `${row.heapVsAzure.toFixed(2)}x`,
]);
/** Prints a Markdown table with padded columns. */
function printTable(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(head));
  console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
  for (const row of body) console.log(line(row));
}
printTable(header, rows);

// Every contender against each baseline, on wall time, client CPU and peak RSS: each figure is
// the median over repetitions of (contender ÷ baseline) within one repetition, so a busy moment
// of the machine slows both sides of a ratio alike. Below 1.00x: less than the baseline.
const times = (value) => (Number.isNaN(value) ? "–" : `${value.toFixed(2)}x`);
console.log(
  "\nPaired ratios, contender ÷ baseline (median of per-repetition ratios; below 1.00x is less):\n",
);
const baselines = ["raw fetch", "raw node:http", "@azure/batch"];
printTable(
  [
    "scenario",
    "contender",
    ...baselines.map((b) => `wall ÷ ${b}`),
    ...baselines.map((b) => `CPU ÷ ${b}`),
    ...baselines.map((b) => `RSS ÷ ${b}`),
  ],
  table.map((row) => [
    row.scenario,
    row.contender,
    ...row.wallVs.map(times),
    ...row.cpuVs.map(times),
    ...row.rssVs.map(times),
  ]),
);

// The targets of issue 4, for each of our two transports.
const targets = { get: 1.5, add1: 2.5, add8: 2.5, list: 2.5 };
console.log("\nTargets (issue 4):");
for (const row of table.filter(
  (r) => contenders[r.contender].ours && !contenders[r.contender].informative,
)) {
  const need = targets[row.scenario];
  const checks = [
    `${row.speedupVsAzure >= need ? "met" : "NOT met"}: ${row.speedupVsAzure.toFixed(2)}x faster than @azure/batch (≥ ${need}x)`,
    `${row.vsFastestRaw <= 1.25 ? "met" : "NOT met"}: ${row.vsFastestRaw.toFixed(2)}x the fastest raw transport (≤ 1.25x)`,
  ];
  if (row.scenario === "list") {
    checks.push(
      `${row.rssVsAzure <= 0.6 ? "met" : "NOT met"}: peak RSS ${row.rssVsAzure.toFixed(2)}x @azure/batch's (≤ 0.6x)`,
      `${row.heapVsAzure <= 0.6 ? "met" : "NOT met"}: peak heap ${row.heapVsAzure.toFixed(2)}x @azure/batch's (≤ 0.6x)`,
    );
  }
  console.log(`- ${row.scenario}, ${row.contender}: ${checks.join("; ")}`);
}
// Where the memory on the list scenario goes: Node's own footprint, then each contender's code,
// then the work.
const listRows = table.filter((row) => row.scenario === "list");
if (listRows.length > 0) {
  const emptyRss = median(await Promise.all([1, 2, 3].map(() => emptyNodeRss())));
  console.log(
    `\nMemory on list (medians): an empty Node process peaks at ${mib(emptyRss)} MiB RSS.`,
  );
  console.log("| contender | RSS once loaded MiB | peak RSS MiB | peak − loaded MiB |");
  console.log("| --- | --- | --- | --- |");
  for (const row of listRows) {
    console.log(
      `| ${row.contender} | ${mib(row.loadedRssMiB)} | ${mib(row.rssMiB)} | ${mib(row.rssMiB - row.loadedRssMiB)} |`,
    );
  }
}

const gz = await bundleSize();
console.log(
  `\nBundle: @batch/client with its dependencies, minified and gzipped for browsers: ${(gz / 1024).toFixed(1)} KiB (${gz < 15 * 1024 ? "met" : "NOT met"}: < 15 KiB)`,
);
process.exit(0);
