// `batch task ...`: the nine task operations, plus wait.
import type { CommandModule } from "yargs";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
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

export function taskCommand(runtime: CliRuntime): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: "task <command>",
    describe: "Add, show, list, change and wait for tasks",
    builder: (yargs) =>
      yargs
        .command(taskAddCommand(runtime) as never)
        .command(taskAddCollectionCommand(runtime) as never)
        .command(taskGetCommand(runtime) as never)
        .command(taskListCommand(runtime) as never)
        .command(taskListSubtasksCommand(runtime) as never)
        .command(taskUpdateCommand(runtime) as never)
        .command(taskTerminateCommand(runtime) as never)
        .command(taskReactivateCommand(runtime) as never)
        .command(taskDeleteCommand(runtime) as never)
        .command(taskWaitCommand(runtime) as never)
        .demandCommand(1, "choose a task command; see `batch task --help`")
        .example("$0 task add --job-id j1 --task-id t1 --command-line 'echo hi'", "Add a task")
        .example("$0 task wait --job-id j1", "Wait for every task of j1"),
    handler: () => undefined,
  };
}
