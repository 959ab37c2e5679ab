// `batch job list`: the account's jobs, printed page by page.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { jobView } from "../../output/table-view.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { itemLimit, printList } from "../list-limit.js";
import { type ListArgs, listOptions, withListOptions } from "../operation-kinds.js";
import { runHandler } from "../run-handler.js";

export function jobListCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, ListArgs & GlobalArgs> {
  return {
    command: "list",
    aliases: ["ls"],
    describe: "List jobs",
    builder: (yargs) =>
      withListOptions(yargs)
        .example("$0 job list -o table", "The first 1000 jobs")
        .example(
          "$0 job list --filter \"state eq 'active'\" --all --query '[].id' -o tsv",
          "Ids of every active job",
        ) as never,
    handler: runHandler<ListArgs>(runtime, async (args, context) => {
      const limit = itemLimit(args);
      const client = await openClient(context, args.timeout);
      const jobs = client.jobs.list(listOptions(args, context.signal));
      await printList(context, jobs, {
        limit,
        maxResults: args.maxResults,
        view: jobView,
        noun: "jobs",
      });
      return undefined;
    }),
  };
}
