// `batch task update` (az: reset): replaces a task's constraints.
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { readJsonObject } from "../../input/read-input-text.js";
import { constraintsFromFlags } from "../../input/task-from-flags.js";
import { mergeConstraints, updateBodyFromJson } from "../../input/task-update-body.js";
import { describeWrite } from "../../output/write-result.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, type TaskIdArgs, withJobId, withTaskId } from "../id-options.js";
import {
  type CallArgs,
  type ConditionalArgs,
  callOptions,
  conditionalOptions,
  withCallOptions,
  withConditionalOptions,
} from "../operation-options.js";
import { runHandler } from "../run-handler.js";

type TaskUpdateArgs = JobIdArgs &
  TaskIdArgs &
  CallArgs &
  ConditionalArgs & {
    jsonFile?: string;
    maxWallClockTime?: string;
    retentionTime?: string;
    maxTaskRetryCount?: number;
  };

export function taskUpdateCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, TaskUpdateArgs & GlobalArgs> {
  const group = "Constraints:";
  return {
    command: "update",
    aliases: ["reset"],
    describe: "Change a task's constraints",
    builder: (yargs) =>
      withConditionalOptions(withCallOptions(withTaskId(withJobId(yargs))))
        .option("max-wall-clock-time", {
          type: "string",
          describe: "Longest run time, e.g. 2h or PT2H",
          group,
        })
        .option("retention-time", {
          type: "string",
          describe: "How long to keep the task's files, e.g. 7d",
          group,
        })
        .option("max-task-retry-count", {
          type: "number",
          describe: "Retries after a failure; -1 for no limit",
          group,
        })
        .option("json-file", {
          type: "string",
          describe: 'TaskConstraints as JSON, bare or as {"constraints": {...}}; - reads stdin',
          group,
        })
        .example(
          "$0 task update --job-id j1 --task-id t1 --max-task-retry-count 3",
          "Allow three retries",
        )
        .example(
          "$0 task reset --job-id j1 --task-id t1 --json-file constraints.json",
          "Constraints from a file",
        ) as never,
    handler: runHandler<TaskUpdateArgs>(runtime, async (args, context) => {
      const fromFile =
        args.jsonFile === undefined
          ? undefined
          : updateBodyFromJson(
              await readJsonObject(args.jsonFile, context.io.stdin),
              args.jsonFile,
            );
      const body = mergeConstraints(fromFile, constraintsFromFlags(args));
      const client = await openClient(context);
      const result = await client.tasks.update(args.jobId, args.taskId, body, {
        ...callOptions(args, context.signal),
        ...conditionalOptions(args),
      });
      await context.output.value(
        describeWrite(
          { jobId: args.jobId, taskId: args.taskId, constraints: body.constraints },
          result,
        ),
      );
      return undefined;
    }),
  };
}
