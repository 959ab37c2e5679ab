// @ts-check
// The CLI benchmark: cold start of one task get, side by side.
//
//   npx -y pnpm@12.4.2 --filter @batch/bench bench:cli [--rounds=30] [--warmup=3]
//
// One emulator (emulator-process.mjs, a process of its own) holds one job with one task. Each
// round starts every contender once, in a rotating order, so that a busy machine slows them
// alike: `node -e 0` (the floor: starting Node), `batch task get` (the bundled CLI,
// packages/cli/dist/batch.mjs) twice, a script doing one get with @azure/batch 10.2.0, and
// `az batch task show` when az is on the PATH (kept offline, see az-offline.mjs). Every run's
// exit status and output are checked. The CLI runs in three states:
//   - warm: its V8 code cache is in a folder written by its first warm-up run and used by
//     every measured one, as on a user's machine from the second run of a command on;
//   - first run of the command: each run gets a folder holding only another command's cache
//     (`task list`'s), as on a user's first `task get` after other commands: it starts from
//     that cache and writes its own as it exits;
//   - first run: each run gets a cache folder that does not exist yet, as on a user's very
//     first run of the CLI (or after an upgrade): it compiles everything, then creates the
//     folder and writes the cache as it exits, and that cost is counted.
// The table shows medians and ratios of medians; it is a measurement to read, not a test.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { arch, cpus, loadavg, platform, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { azTaskShowArgs, offlineAzEnv } from "./az-offline.mjs";

// Node's own parser: a mistyped option stops the run instead of being ignored.
const { values: options } = parseArgs({
  options: { rounds: { type: "string" }, warmup: { type: "string" } },
});
const rounds = Number(options.rounds ?? 30);
const warmup = Number(options.warmup ?? 3);
const here = (/** @type {string} */ file) => fileURLToPath(new URL(file, import.meta.url));
const bundle = here("../../packages/cli/dist/batch.mjs");
if (!existsSync(bundle)) throw new Error(`${bundle} is missing: build the packages first`);

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Starts the emulator and resolves with its account once it is listening. */
function startEmulator() {
  const child = spawn(process.execPath, [here("./emulator-process.mjs")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
      if (text.includes("\n")) resolve({ child, account: JSON.parse(text.split("\n")[0] ?? "") });
    });
    child.on("exit", (code) => reject(new Error(`the emulator exited with ${code}`)));
  });
}

const { child: emulatorProcess, account } = await startEmulator();
const cacheDir = mkdtempSync(join(tmpdir(), "batch-bench-cache-"));
const accountEnv = {
  ...process.env,
  AZURE_BATCH_ENDPOINT: account.url,
  AZURE_BATCH_ACCOUNT: account.account,
  AZURE_BATCH_ACCESS_KEY: account.key,
  BATCH_CONFIG_DIR: mkdtempSync(join(tmpdir(), "batch-bench-config-")),
  BATCH_CACHE_DIR: cacheDir,
};
const azEnv = offlineAzEnv();

// The parent of each first run's cache folder (one per run, removed after it).
const firstRunCaches = mkdtempSync(join(tmpdir(), "batch-bench-first-"));
let firstRuns = 0;
/** Each first run's cache folders, which must hold the one cache the run wrote. */
const firstRunFiles = new Set();
const batchGet = [bundle, "task", "get", "--job-id", "job", "--task-id", "task"];

// A folder holding only `task list`'s cache, copied for each run of the third state.
const otherCommandCache = join(firstRunCaches, "other-command");
const seeded = spawnSync(process.execPath, [bundle, "task", "list", "--job-id", "job"], {
  env: { ...accountEnv, BATCH_CACHE_DIR: otherCommandCache },
  stdio: "ignore",
});
if (seeded.status !== 0 || readdirSync(otherCommandCache).length !== 1) {
  throw new Error("could not write task list's code cache for the third state");
}
let otherCommandRuns = 0;
/** The caches each such run left: task list's, and the task get cache it wrote. */
const otherCommandFiles = new Set();

/**
 * @typedef {{ name: string, command: string, args: string[], env: NodeJS.ProcessEnv,
 *   prints: boolean, before?: () => NodeJS.ProcessEnv, after?: (env: NodeJS.ProcessEnv) => void }} Contender
 * @type {Contender[]}
 */
const contenders = [
  {
    name: "node -e 0",
    command: process.execPath,
    args: ["-e", "0"],
    env: accountEnv,
    prints: false,
  },
  {
    name: "batch task get (warm: code cache filled)",
    command: process.execPath,
    args: batchGet,
    env: accountEnv,
    prints: true,
  },
  {
    name: "batch task get (command's first run: task list's cache)",
    command: process.execPath,
    args: batchGet,
    env: accountEnv,
    prints: true,
    before: () => {
      const dir = join(firstRunCaches, `other-${otherCommandRuns++}`);
      cpSync(otherCommandCache, dir, { recursive: true });
      return { ...accountEnv, BATCH_CACHE_DIR: dir };
    },
    after: (env) => {
      const dir = /** @type {string} */ (env.BATCH_CACHE_DIR);
      otherCommandFiles.add(readdirSync(dir).sort().join(" + "));
      rmSync(dir, { recursive: true, force: true });
    },
  },
  {
    name: "batch task get (first run: no code cache)",
    command: process.execPath,
    args: batchGet,
    env: accountEnv,
    prints: true,
    before: () => ({
      ...accountEnv,
      BATCH_CACHE_DIR: join(firstRunCaches, String(firstRuns++), "batch"),
    }),
    after: (env) => {
      const dir = /** @type {string} */ (env.BATCH_CACHE_DIR);
      for (const name of readdirSync(dir)) firstRunFiles.add(name);
      rmSync(join(dir, ".."), { recursive: true, force: true });
    },
  },
  {
    name: "@azure/batch 10.2.0 script",
    command: process.execPath,
    args: [here("./azure-batch-get.mjs"), "job", "task"],
    env: accountEnv,
    prints: true,
  },
];
if (azEnv !== undefined) {
  contenders.push({
    name: "az batch task show",
    command: "az",
    args: azTaskShowArgs(account),
    env: azEnv,
    prints: true,
  });
}

/** One run, timed from start to exit; its output must be the task. @param {Contender} contender */
function runOnce(contender) {
  const env = contender.before?.() ?? contender.env;
  const started = process.hrtime.bigint();
  const result = spawnSync(contender.command, contender.args, {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const printed = contender.prints ? JSON.parse(result.stdout || "null")?.id : undefined;
  if (result.status !== 0 || (contender.prints && printed !== "task")) {
    throw new Error(
      `${contender.name} failed (exit ${result.status}): ${result.stderr || result.stdout}`,
    );
  }
  contender.after?.(env);
  return ms;
}

/** @type {number[][]} */
const times = contenders.map(() => []);
try {
  for (let round = 0; round < warmup; round++)
    for (const contender of contenders) runOnce(contender);
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const index = (turn + round) % contenders.length;
      times[index]?.push(runOnce(/** @type {Contender} */ (contenders[index])));
    }
    if ((round + 1) % 10 === 0) process.stderr.write(`round ${round + 1}/${rounds}\n`);
  }
} finally {
  emulatorProcess.kill("SIGTERM");
}

const medians = times.map(median);
const [
  nodeMedian = Number.NaN,
  warmMedian = Number.NaN,
  commandFirstMedian = Number.NaN,
  firstMedian = Number.NaN,
] = medians;
const azMedian = azEnv === undefined ? undefined : medians[5];
const caches = readdirSync(cacheDir);
const size = statSync(bundle).size;

const cpu = cpus();
const load = loadavg()
  .map((value) => value.toFixed(1))
  .join(", ");
console.log(
  `\n@batch/cli cold start: ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ` +
    `${platform()} ${arch()}, ${cpu.length} × ${cpu[0]?.model.trim()}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, load average at the end ${load}; emulator on 127.0.0.1 ` +
    `in its own process; ${warmup} warm-up and ${rounds} measured rounds, interleaved; medians.\n`,
);
const header = ["contender", "median ms", "min ms", "vs node -e 0", "az batch task show / this"];
const rows = contenders.map((contender, index) => [
  contender.name,
  (medians[index] ?? 0).toFixed(1),
  Math.min(...(times[index] ?? [])).toFixed(1),
  `${((medians[index] ?? 0) / nodeMedian).toFixed(2)}x`,
  azMedian === undefined ? "az not installed" : `${(azMedian / (medians[index] ?? 1)).toFixed(2)}x`,
]);
const widths = header.map((title, i) =>
  Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)),
);
const line = (/** @type {string[]} */ cells) =>
  `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
console.log(line(header));
console.log(`| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`);
for (const row of rows) console.log(line(row));

console.log("\nTargets (issue 5):");
for (const [state, median] of [
  ["warm", warmMedian],
  ["command's first run", commandFirstMedian],
  ["first run", firstMedian],
]) {
  const ratio = median / nodeMedian;
  console.log(
    `- ${ratio <= 1.6 ? "met" : "NOT met"}: batch task get (${state}) takes ${ratio.toFixed(2)}x node -e 0 (≤ 1.6x)`,
  );
  console.log(
    azMedian === undefined
      ? `- not measured: az is not installed (batch task get (${state}) ≥ 4x faster than az batch task show)`
      : `- ${azMedian / median >= 4 ? "met" : "NOT met"}: batch task get (${state}) is ${(azMedian / median).toFixed(2)}x faster than az batch task show (≥ 4x)`,
  );
}
console.log(
  `- ${size < 1024 * 1024 ? "met" : "NOT met"}: dist/batch.mjs is ${(size / 1024).toFixed(0)} KiB (< 1 MiB)`,
);
console.log(
  `\nCode cache, warm: ${caches.length === 1 ? `one file (${caches[0]}), written by the first warm-up run` : `unexpected files: ${caches.join(", ") || "none"}`}.`,
);
console.log(
  `Code cache, first runs: ${firstRuns} runs, each in a folder of its own that did not exist; ` +
    `${firstRunFiles.size === 1 ? `each wrote ${[...firstRunFiles][0]}` : `unexpected files: ${[...firstRunFiles].join(", ") || "none"}`}.`,
);
console.log(
  `Code cache, commands' first runs: ${otherCommandRuns} runs, each from a folder with task list's cache only; ` +
    `${otherCommandFiles.size === 1 ? `each left ${[...otherCommandFiles][0]}` : `unexpected files: ${[...otherCommandFiles].join(", ") || "none"}`}.`,
);
rmSync(firstRunCaches, { recursive: true, force: true });
process.exit(0);
