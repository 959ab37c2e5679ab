// The shape shared by the task commands that change a task's state with no request body
// (terminate, reactivate): ids, the request and conditional flags, and the write's headers
// printed as the result.
import type { BatchClient } from "@batch/client";
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { describeWrite, type WriteResultLike } from "../../output/write-result.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, type TaskIdArgs, withJobId, withTaskId } from "../id-options.js";
import { type WriteArgs, withWriteOptions, writeOptions } from "../operation-kinds.js";
import { runHandler } from "../run-handler.js";

type TaskWriteArgs = JobIdArgs & TaskIdArgs & WriteArgs;

export interface TaskWriteSpec {
  command: string;
  aliases: string[];
  describe: string;
  examples: [string, string][];
  /** The property set to true in the output, e.g. `terminated`. */
  outcome: string;
  send(
    client: BatchClient,
    jobId: string,
    taskId: string,
    options: ReturnType<typeof writeOptions>,
  ): Promise<WriteResultLike>;
}

export function taskWriteCommand(
  runtime: CliRuntime,
  spec: TaskWriteSpec,
): CommandModule<GlobalArgs, TaskWriteArgs & GlobalArgs> {
  return {
    command: spec.command,
    aliases: spec.aliases,
    describe: spec.describe,
    builder: (yargs) => {
      let built = withWriteOptions(withTaskId(withJobId(yargs)));
      for (const [example, description] of spec.examples) {
        built = built.example(example, description);
      }
      return built as never;
    },
    handler: runHandler<TaskWriteArgs>(runtime, async (args, context) => {
      const client = await openClient(context, args.timeout);
      const options = writeOptions(args, context.signal);
      const result = await spec.send(client, args.jobId, args.taskId, options);
      const identity = { jobId: args.jobId, taskId: args.taskId, [spec.outcome]: true };
      await context.output.value(describeWrite(identity, result));
      return undefined;
    }),
  };
}
