// The executor that pretends to run tasks: each runnable task takes a slot (or several),
// spends a moment preparing, runs for a configurable time and ends with a configurable exit
// code. Jobs are served oldest first, each within its maxParallelTasks, and the whole pool
// within its slots. All waiting goes through the host's timers, so fake timers drive it.

import { durationHintMs, exitCodeHint } from "./command-line-hints.js";
import type { Executor, ExecutorHost, TaskHandle } from "./executor.js";

export interface RunInfo {
  /** 1 for the first run of this task, 2 for its first retry, and so on. */
  attempt: number;
}

export interface SimulatedExecutorOptions {
  /** Task slots of the pretend pool (8 by default). */
  slots?: number;
  /** Nodes the slots are spread over, for nodeInfo (4 by default). */
  nodes?: number;
  /** Time spent in preparing (10 ms by default). */
  preparingMs?: number;
  /** Run time; by default 50–200 ms, fixed per task id. */
  durationMs?: number | ((task: TaskHandle, run: RunInfo) => number);
  /** Exit code; 0 by default. */
  exitCode?: number | ((task: TaskHandle, run: RunInfo) => number);
  /**
   * Read `exit N` and `sleep S` from command lines when no function decides (true by
   * default).
   */
  honorCommandLine?: boolean;
}

interface JobQueue {
  items: TaskHandle[];
  head: number;
  running: number;
}

interface Running {
  task: TaskHandle;
  slots: number;
  timer: unknown;
}

function stableDuration(taskId: string): number {
  let hash = 0;
  for (let i = 0; i < taskId.length; i++) hash = (hash * 31 + taskId.charCodeAt(i)) >>> 0;
  return 50 + (hash % 151);
}

export function createSimulatedExecutor(options: SimulatedExecutorOptions = {}): Executor {
  const slots = Math.max(1, options.slots ?? 8);
  const nodes = Math.max(1, options.nodes ?? 4);
  const preparingMs = options.preparingMs ?? 10;
  const honorCommandLine = options.honorCommandLine ?? true;
  let host: ExecutorHost | undefined;
  const queues = new Map<string, JobQueue>();
  const queued = new Set<number>();
  const running = new Map<number, Running>();
  const attempts = new Map<number, number>();
  let usedSlots = 0;
  let nextNode = 0;
  let pumpTimer: unknown;
  let disposed = false;

  function durationOf(task: TaskHandle, run: RunInfo): number {
    const option = options.durationMs;
    if (typeof option === "function") return option(task, run);
    if (typeof option === "number") return option;
    return (
      (honorCommandLine ? durationHintMs(task.commandLine) : undefined) ??
      stableDuration(task.taskId)
    );
  }

  function exitCodeOf(task: TaskHandle, run: RunInfo): number {
    const option = options.exitCode;
    if (typeof option === "function") return option(task, run);
    if (typeof option === "number") return option;
    return (honorCommandLine ? exitCodeHint(task.commandLine) : undefined) ?? 0;
  }

  function slotsNeeded(task: TaskHandle): number {
    const needed = task.numberOfInstances > 0 ? task.numberOfInstances : task.requiredSlots;
    return Math.min(Math.max(1, needed), slots);
  }

  function schedulePump(): void {
    if (disposed || !host || pumpTimer !== undefined) return;
    pumpTimer = host.timers.setTimeout(() => {
      pumpTimer = undefined;
      pump();
    }, 0);
  }

  function queueOf(jobId: string): JobQueue {
    const key = jobId.toLowerCase();
    let queue = queues.get(key);
    if (!queue) {
      queue = { items: [], head: 0, running: 0 };
      queues.set(key, queue);
    }
    return queue;
  }

  function pump(): void {
    if (!host || disposed) return;
    for (const [key, queue] of queues) {
      while (queue.head < queue.items.length && usedSlots < slots) {
        const task = queue.items[queue.head]!;
        if (!host.isRunnable(task)) {
          queue.head += 1;
          queued.delete(task.seq);
          continue;
        }
        if (task.maxParallelTasks > 0 && queue.running >= task.maxParallelTasks) break;
        const needed = slotsNeeded(task);
        // First come, first served: a big task waits for room rather than being overtaken.
        if (needed > slots - usedSlots) return;
        queue.head += 1;
        queued.delete(task.seq);
        launch(task, queue, needed);
      }
      if (queue.head > 1024 && queue.head * 2 > queue.items.length) {
        queue.items = queue.items.slice(queue.head);
        queue.head = 0;
      }
      if (queue.head >= queue.items.length && queue.running === 0) queues.delete(key);
    }
  }

  function launch(task: TaskHandle, queue: JobQueue, needed: number): void {
    const current = host!;
    const attempt = (attempts.get(task.seq) ?? 0) + 1;
    attempts.set(task.seq, attempt);
    const node = nextNode;
    nextNode = (nextNode + 1) % nodes;
    const entry: Running = { task, slots: needed, timer: undefined };
    running.set(task.seq, entry);
    usedSlots += needed;
    queue.running += 1;
    if (!current.prepare(task, node)) {
      release(task.seq);
      return;
    }
    entry.timer = current.timers.setTimeout(() => {
      if (!current.start(task, node)) {
        release(task.seq);
        return;
      }
      entry.timer = current.timers.setTimeout(
        () => {
          const exitCode = exitCodeOf(task, { attempt });
          // Free the slot first: completing may make this very task runnable again (a retry).
          release(task.seq);
          if (task.numberOfInstances > 0) {
            for (let i = 0; i < task.numberOfInstances; i++)
              current.completeSubtask(task, i, { exitCode });
          } else {
            current.complete(task, { exitCode });
          }
          if (!current.isRunnable(task)) attempts.delete(task.seq);
        },
        Math.max(0, durationOf(task, { attempt })),
      );
    }, preparingMs);
  }

  function release(seq: number): void {
    const entry = running.get(seq);
    if (!entry) return;
    running.delete(seq);
    if (entry.timer !== undefined) host?.timers.clearTimeout(entry.timer);
    usedSlots -= entry.slots;
    const queue = queues.get(entry.task.jobId.toLowerCase());
    if (queue) queue.running -= 1;
    schedulePump();
  }

  return {
    kind: "simulated",
    attach(attached) {
      host = attached;
      for (const task of attached.runnableTasks()) this.taskRunnable(task);
    },
    taskRunnable(task) {
      if (disposed || queued.has(task.seq) || running.has(task.seq)) return;
      queued.add(task.seq);
      queueOf(task.jobId).items.push(task);
      schedulePump();
    },
    taskStopped(task) {
      release(task.seq);
    },
    dispose() {
      disposed = true;
      if (pumpTimer !== undefined) host?.timers.clearTimeout(pumpTimer);
      pumpTimer = undefined;
      for (const entry of running.values()) {
        if (entry.timer !== undefined) host?.timers.clearTimeout(entry.timer);
      }
      running.clear();
      queues.clear();
      queued.clear();
    },
  };
}
