// @ts-check
// The emulator benchmark: Task_AddCollection throughput over loopback, paging a 100,000-task job
// page by page, and the heap taken by 1,000,000 tasks. Prints a table. The load runs in a worker
// thread (its own event loop); the memory probe in its own process with --expose-gc.
//
// Options: --scenarios=add,page,memory  --reps=3  --add-tasks=100000  --concurrency=1,8
//          --page-tasks=100000  --memory-tasks=1000000
import { execFile } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { startEmulator } from "@batch/testing";
import { benchTask } from "./bench-task.mjs";

// Node's own parser: a mistyped option stops the run instead of being ignored.
const { values: options } = parseArgs({
  options: Object.fromEntries(
    ["scenarios", "reps", "add-tasks", "concurrency", "page-tasks", "memory-tasks"].map((name) => [
      name,
      { type: "string" },
    ]),
  ),
});
const scenarios = (options.scenarios ?? "add,page,memory").split(",");
const reps = Number(options.reps ?? 3);
const addTasks = Number(options["add-tasks"] ?? 100_000);
const concurrencies = (options.concurrency ?? "1,8").split(",").map(Number);
const pageTasks = Number(options["page-tasks"] ?? 100_000);
const memoryTasks = Number(options["memory-tasks"] ?? 1_000_000);

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** @param {number} n */
const fmt = (n) => Math.round(n).toLocaleString("en-US");

/**
 * @param {"add" | "page"} kind
 * @param {Record<string, unknown>} data
 * @returns {Promise<any>}
 */
function inWorker(kind, data) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), {
      workerData: { kind, ...data },
    });
    worker.once("message", (message) =>
      message.ok ? resolve(message.result) : reject(new Error(message.error)),
    );
    worker.once("error", reject);
  });
}

/** @type {string[][]} */
const rows = [];

async function addScenario() {
  const emulator = await startEmulator({ executor: "manual" });
  try {
    const { service } = emulator;
    service.addJob({ id: "warmup", poolInfo: { poolId: "pool1" } });
    await inWorker("add", {
      url: emulator.url,
      jobId: "warmup",
      tasks: 5_000,
      concurrency: 8,
      firstIndex: 0,
    });
    for (const concurrency of concurrencies) {
      /** @type {number[]} */
      const rates = [];
      for (let rep = 0; rep < reps; rep++) {
        const jobId = `add-c${concurrency}-r${rep}`;
        service.addJob({ id: jobId, poolInfo: { poolId: "pool1" } });
        const { added, ms } = await inWorker("add", {
          url: emulator.url,
          jobId,
          tasks: addTasks,
          concurrency,
          firstIndex: 0,
        });
        const stored = service.getTaskCounts(jobId).taskCounts.active;
        if (added !== addTasks || stored !== addTasks) {
          throw new Error(`added ${added}, stored ${stored}, expected ${addTasks}`);
        }
        rates.push(added / (ms / 1000));
      }
      rows.push([
        `Task_AddCollection over loopback, ${concurrency} concurrent request${concurrency === 1 ? "" : "s"} of 100 tasks`,
        `${fmt(median(rates))} tasks/s`,
        `median of ${reps} × ${fmt(addTasks)} tasks (min ${fmt(Math.min(...rates))}, max ${fmt(Math.max(...rates))})`,
      ]);
    }
  } finally {
    await emulator.close();
  }
}

async function pageScenario() {
  const emulator = await startEmulator({ executor: "manual" });
  try {
    const { service } = emulator;
    service.addJob({ id: "page", poolInfo: { poolId: "pool1" } });
    for (let first = 0; first < pageTasks; first += 100) {
      const value = [];
      for (let i = first; i < Math.min(first + 100, pageTasks); i++) value.push(benchTask(i));
      service.addTaskCollection("page", { value });
    }
    /** @type {{ listed: number, pageMs: number[], ms: number }[]} */
    const passes = await inWorker("page", {
      url: emulator.url,
      jobId: "page",
      maxResults: 1000,
      passes: reps,
    });
    for (const { listed } of passes) {
      if (listed !== pageTasks) throw new Error(`listed ${listed}, expected ${pageTasks}`);
    }
    const pages = passes[0].pageMs.length;
    const at = (index) => median(passes.map((p) => p.pageMs[index]));
    const all = passes.flatMap((p) => p.pageMs);
    rows.push([
      `Task_List of a ${fmt(pageTasks)}-task job, ${pages} pages of 1,000 over loopback`,
      `first page ${at(0).toFixed(1)} ms, last page ${at(pages - 1).toFixed(1)} ms`,
      `middle page ${at(Math.floor(pages / 2)).toFixed(1)} ms, median of all ${median(all).toFixed(1)} ms; whole job ${(median(passes.map((p) => p.ms)) / 1000).toFixed(2)} s (median of ${reps} passes)`,
    ]);
  } finally {
    await emulator.close();
  }
}

function memoryScenario() {
  const probe = fileURLToPath(new URL("./memory-probe.mjs", import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--expose-gc", "--max-old-space-size=4096", probe, String(memoryTasks)],
      { maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        const result = JSON.parse(stdout);
        const mb = (bytes) => `${fmt(bytes / 1024 / 1024)} MB`;
        rows.push([
          `${fmt(result.tasks)} tasks in one job, in memory (after GC)`,
          `${mb(result.heapUsed)} heap used`,
          `${fmt(result.heapUsedByTasks / result.tasks)} bytes per task; RSS ${mb(result.rss)}`,
        ]);
        resolve(undefined);
      },
    );
  });
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${fmt(totalmem() / 1024 ** 3)} GB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
console.log(`@batch/testing emulator benchmark — ${machine}\n`);
if (scenarios.includes("add")) await addScenario();
if (scenarios.includes("page")) await pageScenario();
if (scenarios.includes("memory")) await memoryScenario();

const header = ["measure", "result", "detail"];
const widths = header.map((_, i) =>
  Math.max(header[i].length, ...rows.map((row) => row[i].length)),
);
const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
console.log(line(header));
console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
for (const row of rows) console.log(line(row));
