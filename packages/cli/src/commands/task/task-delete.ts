// `batch task delete`: asks first on a terminal; needs --yes anywhere else.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { describeWrite } from "../../output/write-result.js";
import { confirm } from "../../terminal/confirm.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, type TaskIdArgs, withJobId, withTaskId } from "../id-options.js";
import {
  type CallArgs,
  type ConditionalArgs,
  callOptions,
  conditionalOptions,
  withCallOptions,
  withConditionalOptions,
} from "../operation-options.js";
import { runHandler } from "../run-handler.js";

type TaskDeleteArgs = JobIdArgs & TaskIdArgs & CallArgs & ConditionalArgs & { yes?: boolean };

export function taskDeleteCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, TaskDeleteArgs & GlobalArgs> {
  return {
    command: "delete",
    aliases: ["rm"],
    describe: "Delete a task and its files",
    builder: (yargs) =>
      withConditionalOptions(withCallOptions(withTaskId(withJobId(yargs))))
        .option("yes", { alias: "y", type: "boolean", describe: "Do not ask for confirmation" })
        .example("$0 task delete --job-id j1 --task-id t1", "Delete after confirming")
        .example(
          "$0 task delete --job-id j1 --task-id t1 --yes",
          "Delete without asking (scripts)",
        ) as never,
    handler: runHandler<TaskDeleteArgs>(runtime, async (args, context) => {
      await confirm(
        context.io,
        `Delete task ${args.taskId} of job ${args.jobId}?`,
        args.yes,
        context.signal,
      );
      const client = await openClient(context);
      const result = await client.tasks.delete(args.jobId, args.taskId, {
        ...callOptions(args, context.signal),
        ...conditionalOptions(args),
      });
      await context.output.value(
        describeWrite({ jobId: args.jobId, taskId: args.taskId, deleted: true }, result),
      );
      return undefined;
    }),
  };
}
