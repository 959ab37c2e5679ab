// `batch task get` (az: show): one task.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { taskView } from "../../output/table-view.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, type TaskIdArgs, withJobId, withTaskId } from "../id-options.js";
import { modifiedOrThrow } from "../not-modified.js";
import { type ReadArgs, readOptions, withReadOptions } from "../operation-kinds.js";
import { runHandler } from "../run-handler.js";

type TaskGetArgs = JobIdArgs & TaskIdArgs & ReadArgs;

export function taskGetCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, TaskGetArgs & GlobalArgs> {
  return {
    command: "get",
    aliases: ["show"],
    describe: "Show one task",
    builder: (yargs) =>
      withReadOptions(withTaskId(withJobId(yargs)))
        .example("$0 task get --job-id j1 --task-id t1", "Show a task")
        .example(
          "$0 task get --job-id j1 --task-id t1 --select id,state --query state -o tsv",
          "Print only its state",
        )
        .example(
          "$0 task get --job-id j1 --task-id t1 --if-none-match 0x8D...",
          "Exit 5 if it has not changed",
        ) as never,
    handler: runHandler<TaskGetArgs>(runtime, async (args, context) => {
      const client = await openClient(context, args.timeout);
      const task = await client.tasks.get(
        args.jobId,
        args.taskId,
        readOptions(args, context.signal),
      );
      await context.output.value(modifiedOrThrow(task, `task ${args.taskId}`), taskView);
      return undefined;
    }),
  };
}
