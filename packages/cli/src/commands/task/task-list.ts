// `batch task list`: the tasks of a job, printed page by page as they arrive.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { taskView } from "../../output/table-view.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, withJobId } from "../id-options.js";
import { itemLimit, printList } from "../list-limit.js";
import { type ListArgs, listOptions, withListOptions } from "../operation-kinds.js";
import { runHandler } from "../run-handler.js";

type TaskListArgs = JobIdArgs & ListArgs;

export function taskListCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, TaskListArgs & GlobalArgs> {
  return {
    command: "list",
    aliases: ["ls"],
    describe: "List the tasks of a job",
    builder: (yargs) =>
      withListOptions(withJobId(yargs))
        .example("$0 task list --job-id j1 -o table", "The first 1000 tasks as a table")
        .example(
          "$0 task list --job-id j1 --filter \"executionInfo/result eq 'failure'\" --select id,executionInfo --all",
          "Every failed task",
        )
        .example(
          "$0 task list --job-id j1 --all -o ndjson > tasks.ndjson",
          "Stream every task to a file",
        ) as never,
    handler: runHandler<TaskListArgs>(runtime, async (args, context) => {
      const limit = itemLimit(args);
      const client = await openClient(context, args.timeout);
      const tasks = client.tasks.list(args.jobId, listOptions(args, context.signal));
      await printList(context, tasks, {
        limit,
        maxResults: args.maxResults,
        view: taskView,
        noun: "tasks",
      });
      return undefined;
    }),
  };
}
