// The executor that does nothing by itself: tasks stay where tests put them, through the
// service's test controls (startTask, completeTask, completeSubtask...).

import type { Executor } from "./executor.js";

export function createManualExecutor(): Executor {
  return {
    kind: "manual",
    attach() {},
    taskRunnable() {},
    taskStopped() {},
    dispose() {},
  };
}
