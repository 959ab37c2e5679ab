// `batch job ...`: the job operations a task lifecycle needs.
import type { CliRuntime } from "../command-context.js";
import { commandGroup } from "../command-group.js";
import { jobCreateCommand } from "./job-create.js";
import { jobDeleteCommand } from "./job-delete.js";
import { jobGetCommand } from "./job-get.js";
import { jobListCommand } from "./job-list.js";
import { jobTaskCountsCommand } from "./job-task-counts.js";
import { jobTerminateCommand } from "./job-terminate.js";

export function jobCommand(runtime: CliRuntime) {
  return commandGroup(runtime, {
    name: "job",
    describe: "Create, show, list, terminate and delete jobs",
    commands: () => [
      jobCreateCommand(runtime),
      jobGetCommand(runtime),
      jobListCommand(runtime),
      jobDeleteCommand(runtime),
      jobTerminateCommand(runtime),
      jobTaskCountsCommand(runtime),
    ],
    examples: [["$0 job create --id j1 --pool-id p1", "Create a job"]],
  });
}
