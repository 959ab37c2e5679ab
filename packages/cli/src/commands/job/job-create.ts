// `batch job create`: adds a job from flags or --json-file, then shows it (see
// print-created.ts for when that read fails).
import type { JobAddParameter } from "@batch/types";
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { usageError } from "../../errors/cli-error.js";
import { type JobFlags, jobFieldFlags, jobFromFlags } from "../../input/job-from-flags.js";
import { readJsonObject } from "../../input/read-input-text.js";
import { jobView } from "../../output/table-view.js";
import type { CliRuntime } from "../command-context.js";
import { checkedId } from "../flag-checks.js";
import type { GlobalArgs } from "../global-args.js";
import { numberFlag, numberRules } from "../number-flag.js";
import { type CallArgs, callOptions, withCallOptions } from "../operation-options.js";
import { printCreated } from "../print-created.js";
import { runHandler } from "../run-handler.js";

type JobCreateArgs = CallArgs & JobFlags & { jsonFile?: string };

export function jobCreateCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, JobCreateArgs & GlobalArgs> {
  const group = "Job:";
  return {
    command: "create",
    aliases: ["add"],
    describe: "Create a job",
    builder: (yargs) =>
      withCallOptions(yargs)
        .option("id", {
          alias: "job-id",
          type: "string",
          describe: "Id of the job",
          group: "Ids:",
          coerce: checkedId("--id"),
        })
        .option("json-file", {
          type: "string",
          describe: "The job as JSON (JobAddParameter); - reads stdin",
          group,
        })
        .option("pool-id", { type: "string", describe: "The pool to run on", group })
        .option("display-name", { type: "string", describe: "A display name", group })
        .option(
          "priority",
          numberFlag("priority", numberRules.priority, { describe: "-1000 to 1000", group }),
        )
        .option("max-wall-clock-time", {
          type: "string",
          describe: "Longest run time, e.g. 1d",
          group,
        })
        .option(
          "max-task-retry-count",
          numberFlag("max-task-retry-count", numberRules.maxTaskRetryCount, {
            describe: "Default retries of its tasks; -1 for no limit",
            group,
          }),
        )
        .option("uses-task-dependencies", {
          type: "boolean",
          describe: "Tasks may depend on each other",
          group,
        })
        .option("on-all-tasks-complete", { choices: ["noaction", "terminatejob"] as const, group })
        .option("on-task-failure", {
          choices: ["noaction", "performexitoptionsjobaction"] as const,
          group,
        })
        .conflicts("json-file", [...jobFieldFlags])
        .example("$0 job create --id j1 --pool-id p1", "Create a job")
        .example(
          "$0 job create --json-file job.json",
          "Create the job described in job.json",
        ) as never,
    handler: runHandler<JobCreateArgs>(runtime, async (args, context) => {
      let job: JobAddParameter;
      if (args.jsonFile !== undefined) {
        job = (await readJsonObject(args.jsonFile, context.io.stdin)) as unknown as JobAddParameter;
        if (args.id !== undefined) job = { ...job, id: args.id };
        if (typeof job.id !== "string") {
          throw usageError(
            `the job in ${args.jsonFile} has no "id" (or pass --id)`,
            "MissingRequiredProperty",
          );
        }
      } else {
        job = jobFromFlags(args);
      }
      const client = await openClient(context, args.timeout);
      const write = await client.jobs.add(job, callOptions(args, context.signal));
      const jobId = job.id;
      await printCreated(context, {
        name: `job ${jobId}`,
        identity: { jobId, created: true },
        write,
        readBack: () => client.jobs.get(jobId, { signal: context.signal }),
        view: jobView,
      });
      return undefined;
    }),
  };
}
