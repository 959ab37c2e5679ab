// `batch job get` (az: show): one job.
import { isNotModified } from "@batch/client";
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { jobView } from "../../output/table-view.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, withJobId } from "../id-options.js";
import { notModifiedError } from "../not-modified.js";
import {
  type CallArgs,
  type ConditionalArgs,
  callOptions,
  conditionalOptions,
  type ExpandArgs,
  type SelectArgs,
  selectOptions,
  withCallOptions,
  withConditionalOptions,
  withExpandOption,
  withSelectOption,
} from "../operation-options.js";
import { runHandler } from "../run-handler.js";

type JobGetArgs = JobIdArgs & CallArgs & ConditionalArgs & SelectArgs & ExpandArgs;

export function jobGetCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, JobGetArgs & GlobalArgs> {
  return {
    command: "get",
    aliases: ["show"],
    describe: "Show one job",
    builder: (yargs) =>
      withConditionalOptions(withCallOptions(withExpandOption(withSelectOption(withJobId(yargs)))))
        .example("$0 job get --job-id j1", "Show a job")
        .example("$0 job show --job-id j1 --query state -o tsv", "Print its state") as never,
    handler: runHandler<JobGetArgs>(runtime, async (args, context) => {
      const client = await openClient(context);
      const job = await client.jobs.get(args.jobId, {
        ...callOptions(args, context.signal),
        ...conditionalOptions(args),
        ...selectOptions(args),
      });
      if (isNotModified(job)) throw notModifiedError(`job ${args.jobId}`);
      await context.output.value(job, jobView);
      return undefined;
    }),
  };
}
