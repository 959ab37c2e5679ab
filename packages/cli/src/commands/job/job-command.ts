// `batch job ...`: the job operations a task lifecycle needs.
import type { CommandModule } from "yargs";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { jobCreateCommand } from "./job-create.js";
import { jobDeleteCommand } from "./job-delete.js";
import { jobGetCommand } from "./job-get.js";
import { jobListCommand } from "./job-list.js";
import { jobTaskCountsCommand } from "./job-task-counts.js";
import { jobTerminateCommand } from "./job-terminate.js";

export function jobCommand(runtime: CliRuntime): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: "job <command>",
    describe: "Create, show, list, terminate and delete jobs",
    builder: (yargs) =>
      yargs
        .command(jobCreateCommand(runtime) as never)
        .command(jobGetCommand(runtime) as never)
        .command(jobListCommand(runtime) as never)
        .command(jobDeleteCommand(runtime) as never)
        .command(jobTerminateCommand(runtime) as never)
        .command(jobTaskCountsCommand(runtime) as never)
        .demandCommand(1, "choose a job command; see `batch job --help`")
        .example("$0 job create --id j1 --pool-id p1", "Create a job"),
    handler: () => undefined,
  };
}
