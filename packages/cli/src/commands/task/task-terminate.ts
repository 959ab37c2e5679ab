// `batch task terminate` (az: stop): ends a task; it moves to completed.
import type { CliRuntime } from "../command-context.js";
import { taskWriteCommand } from "./task-write-command.js";

export function taskTerminateCommand(runtime: CliRuntime) {
  return taskWriteCommand(runtime, {
    command: "terminate",
    aliases: ["stop"],
    describe: "Terminate a task (it moves to completed)",
    outcome: "terminated",
    examples: [["$0 task terminate --job-id j1 --task-id t1", "Stop a running task"]],
    send: (client, jobId, taskId, options) => client.tasks.terminate(jobId, taskId, options),
  });
}
