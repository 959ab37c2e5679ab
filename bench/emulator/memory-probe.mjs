// @ts-check
// Holds N tasks in one job of an in-memory service and reports the heap it takes, after full
// garbage collections. Run by run.mjs in its own process with --expose-gc, so nothing else
// shares its heap. Tasks go in through Task_AddCollection in chunks of 100, as over the wire.
import { createBatchService } from "@batch/testing";
import { benchTask } from "./bench-task.mjs";

const gc = /** @type {() => void} */ (globalThis.gc);
if (typeof gc !== "function") throw new Error("run with --expose-gc");
const count = Number(process.argv[2] ?? 1_000_000);

function settledHeap() {
  gc();
  gc();
  return process.memoryUsage();
}

const service = createBatchService({ executor: "manual" });
service.addJob({ id: "memory", poolInfo: { poolId: "pool1" } });
const before = settledHeap();
for (let first = 0; first < count; first += 100) {
  const value = [];
  for (let i = first; i < Math.min(first + 100, count); i++) value.push(benchTask(i));
  const { value: results } = service.addTaskCollection("memory", { value });
  if (results.some((result) => result.status !== "success")) throw new Error("add failed");
}
const after = settledHeap();
const counts = service.getTaskCounts("memory").taskCounts;
if (counts.active !== count) throw new Error(`expected ${count} tasks, found ${counts.active}`);
process.stdout.write(
  `${JSON.stringify({
    tasks: count,
    heapUsed: after.heapUsed,
    heapUsedByTasks: after.heapUsed - before.heapUsed,
    rss: after.rss,
  })}\n`,
);
service.dispose();
