// `batch task list-subtasks` (az: task subtask list): the subtasks of a multi-instance task.
// Prints the subtasks themselves (az prints the whole response object).
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { subtaskView } from "../../output/table-view.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, type TaskIdArgs, withJobId, withTaskId } from "../id-options.js";
import {
  type CallArgs,
  callOptions,
  type SelectArgs,
  withCallOptions,
  withSelectOption,
} from "../operation-options.js";
import { runHandler } from "../run-handler.js";

type ListSubtasksArgs = JobIdArgs & TaskIdArgs & CallArgs & SelectArgs;

export function taskListSubtasksCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, ListSubtasksArgs & GlobalArgs> {
  return {
    command: "list-subtasks",
    describe: "List the subtasks of a multi-instance task",
    builder: (yargs) =>
      withCallOptions(withSelectOption(withTaskId(withJobId(yargs)))).example(
        "$0 task list-subtasks --job-id j1 --task-id mpi",
        "Show the subtasks of task mpi",
      ) as never,
    handler: runHandler<ListSubtasksArgs>(runtime, async (args, context) => {
      const client = await openClient(context, args.timeout);
      const result = await client.tasks.listSubtasks(args.jobId, args.taskId, {
        ...callOptions(args, context.signal),
        ...(args.select === undefined ? {} : { select: args.select }),
      });
      const printer = context.output.list(subtaskView);
      await printer.page(result.value ?? []);
      await printer.end();
      return undefined;
    }),
  };
}
