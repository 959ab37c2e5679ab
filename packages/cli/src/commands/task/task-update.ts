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
import { type WriteArgs, withWriteOptions, writeOptions } from "../operation-kinds.js";
import { runHandler } from "../run-handler.js";
import { type ConstraintArgs, withConstraintOptions } from "./constraint-options.js";

type TaskUpdateArgs = JobIdArgs & TaskIdArgs & WriteArgs & ConstraintArgs & { jsonFile?: string };

export function taskUpdateCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, TaskUpdateArgs & GlobalArgs> {
  const group = "Constraints:";
  return {
    command: "update",
    aliases: ["reset"],
    describe: "Change a task's constraints",
    builder: (yargs) =>
      withConstraintOptions(withWriteOptions(withTaskId(withJobId(yargs))), group)
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
      const client = await openClient(context, args.timeout);
      const options = writeOptions(args, context.signal);
      const result = await client.tasks.update(args.jobId, args.taskId, body, options);
      const identity = { jobId: args.jobId, taskId: args.taskId, constraints: body.constraints };
      await context.output.value(describeWrite(identity, result));
      return undefined;
    }),
  };
}
