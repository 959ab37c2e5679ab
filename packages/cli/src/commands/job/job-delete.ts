// `batch job delete`: asks first on a terminal; needs --yes anywhere else.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { describeWrite } from "../../output/write-result.js";
import { confirm } from "../../terminal/confirm.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, withJobId } from "../id-options.js";
import { type WriteArgs, withWriteOptions, writeOptions } from "../operation-kinds.js";
import { runHandler } from "../run-handler.js";

type JobDeleteArgs = JobIdArgs & WriteArgs & { yes?: boolean; force?: boolean };

export function jobDeleteCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, JobDeleteArgs & GlobalArgs> {
  return {
    command: "delete",
    aliases: ["rm"],
    describe: "Delete a job and all its tasks",
    builder: (yargs) =>
      withWriteOptions(withJobId(yargs))
        .option("yes", { alias: "y", type: "boolean", describe: "Do not ask for confirmation" })
        .option("force", {
          type: "boolean",
          describe: "Delete even while nodes still run its tasks",
        })
        .example("$0 job delete --job-id j1 --yes", "Delete without asking") as never,
    handler: runHandler<JobDeleteArgs>(runtime, async (args, context) => {
      const question = `Delete job ${args.jobId} and all its tasks?`;
      await confirm(context.io, question, args.yes, context.signal);
      const client = await openClient(context, args.timeout);
      const result = await client.jobs.delete(args.jobId, {
        ...writeOptions(args, context.signal),
        ...(args.force === undefined ? {} : { force: args.force }),
      });
      await context.output.value(describeWrite({ jobId: args.jobId, deleting: true }, result));
      return undefined;
    }),
  };
}
