// `batch task ...`: the nine task operations, plus wait.
import type { CliRuntime } from "../command-context.js";
import { commandGroup } from "../command-group.js";
import { taskAddCommand } from "./task-add.js";
import { taskAddCollectionCommand } from "./task-add-collection.js";
import { taskDeleteCommand } from "./task-delete.js";
import { taskGetCommand } from "./task-get.js";
import { taskListCommand } from "./task-list.js";
import { taskListSubtasksCommand } from "./task-list-subtasks.js";
import { taskReactivateCommand } from "./task-reactivate.js";
import { taskTerminateCommand } from "./task-terminate.js";
import { taskUpdateCommand } from "./task-update.js";
import { taskWaitCommand } from "./task-wait.js";

export function taskCommand(runtime: CliRuntime) {
  return commandGroup(runtime, {
    name: "task",
    describe: "Add, show, list, change and wait for tasks",
    commands: () => [
      taskAddCommand(runtime),
      taskAddCollectionCommand(runtime),
      taskGetCommand(runtime),
      taskListCommand(runtime),
      taskListSubtasksCommand(runtime),
      taskUpdateCommand(runtime),
      taskTerminateCommand(runtime),
      taskReactivateCommand(runtime),
      taskDeleteCommand(runtime),
      taskWaitCommand(runtime),
    ],
    examples: [
      ["$0 task add --job-id j1 --task-id t1 --command-line 'echo hi'", "Add a task"],
      ["$0 task wait --job-id j1", "Wait for every task of j1"],
    ],
  });
}
