// `batch job get` (az: show): one job.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { jobView } from "../../output/table-view.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, withJobId } from "../id-options.js";
import { modifiedOrThrow } from "../not-modified.js";
import { type ReadArgs, readOptions, withReadOptions } from "../operation-kinds.js";
import { runHandler } from "../run-handler.js";

type JobGetArgs = JobIdArgs & ReadArgs;

export function jobGetCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, JobGetArgs & GlobalArgs> {
  return {
    command: "get",
    aliases: ["show"],
    describe: "Show one job",
    builder: (yargs) =>
      withReadOptions(withJobId(yargs))
        .example("$0 job get --job-id j1", "Show a job")
        .example("$0 job show --job-id j1 --query state -o tsv", "Print its state") as never,
    handler: runHandler<JobGetArgs>(runtime, async (args, context) => {
      const client = await openClient(context, args.timeout);
      const job = await client.jobs.get(args.jobId, readOptions(args, context.signal));
      await context.output.value(modifiedOrThrow(job, `job ${args.jobId}`), jobView);
      return undefined;
    }),
  };
}
