// The --job-id and --task-id flags shared by the task and job commands.
import type { Argv } from "yargs";
import { checkedId } from "./flag-checks.js";

export interface JobIdArgs {
  jobId: string;
}

export interface TaskIdArgs {
  taskId: string;
}

export function withJobId<T>(yargs: Argv<T>): Argv<T & JobIdArgs> {
  return yargs.option("job-id", {
    type: "string",
    demandOption: true,
    describe: "Id of the job",
    group: "Ids:",
    coerce: checkedId("--job-id"),
  }) as unknown as Argv<T & JobIdArgs>;
}

export function withTaskId<T>(yargs: Argv<T>): Argv<T & TaskIdArgs> {
  return yargs.option("task-id", {
    alias: "id",
    type: "string",
    demandOption: true,
    describe: "Id of the task",
    group: "Ids:",
    coerce: checkedId("--task-id"),
  }) as unknown as Argv<T & TaskIdArgs>;
}
