// `batch task list`: the tasks of a job, printed page by page as they arrive.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { taskView } from "../../output/table-view.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, withJobId } from "../id-options.js";
import {
  itemLimit,
  type ListLimitArgs,
  pageSize,
  printPages,
  withListLimitOptions,
} from "../list-limit.js";
import {
  type CallArgs,
  callOptions,
  type ExpandArgs,
  type FilterArgs,
  filterOptions,
  type SelectArgs,
  selectOptions,
  withCallOptions,
  withExpandOption,
  withFilterOptions,
  withSelectOption,
} from "../operation-options.js";
import { runHandler } from "../run-handler.js";

type TaskListArgs = JobIdArgs & CallArgs & SelectArgs & ExpandArgs & FilterArgs & ListLimitArgs;

export function taskListCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, TaskListArgs & GlobalArgs> {
  return {
    command: "list",
    aliases: ["ls"],
    describe: "List the tasks of a job",
    builder: (yargs) =>
      withCallOptions(
        withListLimitOptions(
          withFilterOptions(withExpandOption(withSelectOption(withJobId(yargs)))),
        ),
      )
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
      const client = await openClient(context);
      const tasks = client.tasks.list(args.jobId, {
        ...callOptions(args, context.signal),
        ...selectOptions(args),
        ...filterOptions(args),
      });
      const maxPageSize = pageSize(args.maxResults, limit);
      await printPages(context, tasks.byPage(maxPageSize === undefined ? {} : { maxPageSize }), {
        limit,
        view: taskView,
        noun: "tasks",
      });
      return undefined;
    }),
  };
}
