// `batch job list`: the account's jobs, printed page by page.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { jobView } from "../../output/table-view.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
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

type JobListArgs = CallArgs & SelectArgs & ExpandArgs & FilterArgs & ListLimitArgs;

export function jobListCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, JobListArgs & GlobalArgs> {
  return {
    command: "list",
    aliases: ["ls"],
    describe: "List jobs",
    builder: (yargs) =>
      withCallOptions(
        withListLimitOptions(withFilterOptions(withExpandOption(withSelectOption(yargs)))),
      )
        .example("$0 job list -o table", "The first 1000 jobs")
        .example(
          "$0 job list --filter \"state eq 'active'\" --all --query '[].id' -o tsv",
          "Ids of every active job",
        ) as never,
    handler: runHandler<JobListArgs>(runtime, async (args, context) => {
      const limit = itemLimit(args);
      const client = await openClient(context);
      const jobs = client.jobs.list({
        ...callOptions(args, context.signal),
        ...selectOptions(args),
        ...filterOptions(args),
      });
      const maxPageSize = pageSize(args.maxResults, limit);
      await printPages(context, jobs.byPage(maxPageSize === undefined ? {} : { maxPageSize }), {
        limit,
        view: jobView,
        noun: "jobs",
      });
      return undefined;
    }),
  };
}
