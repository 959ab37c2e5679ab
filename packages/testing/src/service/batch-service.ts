// createBatchService: an in-memory Batch account with the service's rules and no HTTP. The
// msw handlers and the emulator put HTTP in front of it; tests can also call it directly.

import type { Executor } from "../executors/executor.js";
import { createManualExecutor } from "../executors/manual-executor.js";
import {
  createSimulatedExecutor,
  type SimulatedExecutorOptions,
} from "../executors/simulated-executor.js";
import type { BatchStore } from "../store/batch-store.js";
import { createMemoryStore } from "../store/memory-store.js";
import { type Clock, systemClock, systemTimers, type Timers } from "./clock.js";
import { Engine } from "./engine.js";
import { jobOperations } from "./job-operations.js";
import { DEFAULT_LIMITS, type ServiceLimits } from "./service-limits.js";
import type { ServiceState } from "./service-state.js";
import { taskOperations } from "./task-operations.js";
import { testControls } from "./test-controls.js";

export type ExecutorChoice =
  | "manual"
  | "simulated"
  | { simulated: SimulatedExecutorOptions }
  | Executor;

export interface BatchServiceOptions {
  /** Account the resource URLs are reported under when a call gives no base URL. */
  accountName?: string;
  /** Default base URL of resource URLs (`https://<account>.eastus.batch.azure.com`). */
  baseUrl?: string;
  /** Clock in epoch ms (Date.now by default). */
  now?: () => number;
  /** Timer functions (the globals by default, looked up at each call). */
  timers?: Timers;
  /** Who runs tasks: "manual" (the default; tests move them) or "simulated". */
  executor?: ExecutorChoice;
  store?: BatchStore;
  /** Delay of the terminating → completed and deleting → gone job transitions (0 = next tick). */
  jobTransitionMs?: number;
  limits?: Partial<ServiceLimits>;
}

function resolveExecutor(choice: ExecutorChoice | undefined): Executor {
  if (choice === undefined || choice === "manual") return createManualExecutor();
  if (choice === "simulated") return createSimulatedExecutor();
  if ("simulated" in choice) return createSimulatedExecutor(choice.simulated);
  return choice;
}

export function createBatchService(options: BatchServiceOptions = {}) {
  const accountName = options.accountName ?? "devaccount";
  const clock: Clock = options.now ? { now: options.now } : systemClock;
  const timers = options.timers ?? systemTimers;
  const store = options.store ?? createMemoryStore();
  const executor = resolveExecutor(options.executor);
  const engine = new Engine({
    store,
    clock,
    timers,
    executor,
    jobTransitionMs: options.jobTransitionMs ?? 0,
  });
  const state: ServiceState = {
    store,
    engine,
    clock,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    baseUrl: options.baseUrl ?? `https://${accountName}.eastus.batch.azure.com`,
  };
  executor.attach(engine.host());
  // A store that already holds jobs (a persistent one, after a restart) carries on from there.
  engine.recover();

  return {
    accountName,
    clock,
    executor,
    limits: state.limits as Readonly<ServiceLimits>,
    ...taskOperations(state),
    ...jobOperations(state),
    ...testControls(state),
    /** Stops the executor and every timer of the service. */
    dispose(): void {
      engine.dispose();
    },
  };
}

export type BatchService = ReturnType<typeof createBatchService>;
