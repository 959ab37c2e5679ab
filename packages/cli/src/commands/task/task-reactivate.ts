// `batch task reactivate`: runs a failed task again, with its retry count reset.
import type { CliRuntime } from "../command-context.js";
import { taskWriteCommand } from "./task-write-command.js";

export function taskReactivateCommand(runtime: CliRuntime) {
  return taskWriteCommand(runtime, {
    command: "reactivate",
    aliases: [],
    describe: "Reactivate a completed task that failed, so it runs again",
    outcome: "reactivated",
    examples: [["$0 task reactivate --job-id j1 --task-id t1", "Run a failed task again"]],
    send: (client, jobId, taskId, options) => client.tasks.reactivate(jobId, taskId, options),
  });
}
