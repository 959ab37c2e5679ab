// `batch task delete`: asks first on a terminal; needs --yes anywhere else.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { describeWrite } from "../../output/write-result.js";
import { confirm } from "../../terminal/confirm.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, type TaskIdArgs, withJobId, withTaskId } from "../id-options.js";
import { type WriteArgs, withWriteOptions, writeOptions } from "../operation-kinds.js";
import { runHandler } from "../run-handler.js";

type TaskDeleteArgs = JobIdArgs & TaskIdArgs & WriteArgs & { yes?: boolean };

export function taskDeleteCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, TaskDeleteArgs & GlobalArgs> {
  return {
    command: "delete",
    aliases: ["rm"],
    describe: "Delete a task and its files",
    builder: (yargs) =>
      withWriteOptions(withTaskId(withJobId(yargs)))
        .option("yes", { alias: "y", type: "boolean", describe: "Do not ask for confirmation" })
        .example("$0 task delete --job-id j1 --task-id t1", "Delete after confirming")
        .example(
          "$0 task delete --job-id j1 --task-id t1 --yes",
          "Delete without asking (scripts)",
        ) as never,
    handler: runHandler<TaskDeleteArgs>(runtime, async (args, context) => {
      const question = `Delete task ${args.taskId} of job ${args.jobId}?`;
      await confirm(context.io, question, args.yes, context.signal);
      const client = await openClient(context, args.timeout);
      const options = writeOptions(args, context.signal);
      const result = await client.tasks.delete(args.jobId, args.taskId, options);
      const identity = { jobId: args.jobId, taskId: args.taskId, deleted: true };
      await context.output.value(describeWrite(identity, result));
      return undefined;
    }),
  };
}
