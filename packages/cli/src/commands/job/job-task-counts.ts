// `batch job task-counts` (az: job task-counts show): tasks of a job by state and result.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { taskCountsView } from "../../output/table-view.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, withJobId } from "../id-options.js";
import { type CallArgs, callOptions, withCallOptions } from "../operation-options.js";
import { runHandler } from "../run-handler.js";

type TaskCountsArgs = JobIdArgs & CallArgs;

export function jobTaskCountsCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, TaskCountsArgs & GlobalArgs> {
  return {
    command: "task-counts",
    describe: "Count a job's tasks by state and result",
    builder: (yargs) =>
      withCallOptions(withJobId(yargs))
        .example("$0 job task-counts --job-id j1 -o table", "Counts as a table")
        .example(
          "$0 job task-counts --job-id j1 --query taskCounts.failed -o tsv",
          "Only the number failed",
        ) as never,
    handler: runHandler<TaskCountsArgs>(runtime, async (args, context) => {
      const client = await openClient(context, args.timeout);
      const counts = await client.jobs.getTaskCounts(args.jobId, callOptions(args, context.signal));
      await context.output.value(counts, taskCountsView);
      return undefined;
    }),
  };
}
