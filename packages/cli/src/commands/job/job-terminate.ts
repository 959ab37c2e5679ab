// `batch job terminate` (az: stop): ends a job; running tasks are terminated.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { describeWrite } from "../../output/write-result.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, withJobId } from "../id-options.js";
import { type WriteArgs, withWriteOptions, writeOptions } from "../operation-kinds.js";
import { runHandler } from "../run-handler.js";

type JobTerminateArgs = JobIdArgs & WriteArgs & { terminateReason?: string; force?: boolean };

export function jobTerminateCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, JobTerminateArgs & GlobalArgs> {
  return {
    command: "terminate",
    aliases: ["stop"],
    describe: "Terminate a job (its running tasks are terminated)",
    builder: (yargs) =>
      withWriteOptions(withJobId(yargs))
        .option("terminate-reason", {
          type: "string",
          describe: 'Recorded on the job (default "UserTerminate")',
        })
        .option("force", {
          type: "boolean",
          describe: "Terminate even while nodes still run its tasks",
        })
        .example("$0 job terminate --job-id j1 --terminate-reason done", "Stop a job") as never,
    handler: runHandler<JobTerminateArgs>(runtime, async (args, context) => {
      const client = await openClient(context, args.timeout);
      const result = await client.jobs.terminate(args.jobId, {
        ...writeOptions(args, context.signal),
        ...(args.terminateReason === undefined ? {} : { terminateReason: args.terminateReason }),
        ...(args.force === undefined ? {} : { force: args.force }),
      });
      await context.output.value(describeWrite({ jobId: args.jobId, terminating: true }, result));
      return undefined;
    }),
  };
}
