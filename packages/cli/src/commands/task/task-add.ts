// `batch task add` (az: create): adds one task from flags or from --json-file, then shows it
// as the service has it (az does the same), so the output has its state, URL and ETag; see
// print-created.ts for when that read fails.
import type { TaskAddParameter } from "@batch/types";
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { usageError } from "../../errors/cli-error.js";
import { readJsonObject } from "../../input/read-input-text.js";
import { type TaskFlags, taskFieldFlags, taskFromFlags } from "../../input/task-from-flags.js";
import { taskView } from "../../output/table-view.js";
import type { CliRuntime } from "../command-context.js";
import { checkedId } from "../flag-checks.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, withJobId } from "../id-options.js";
import { numberFlag, numberRules } from "../number-flag.js";
import { type CallArgs, callOptions, withCallOptions } from "../operation-options.js";
import { printCreated } from "../print-created.js";
import { runHandler } from "../run-handler.js";
import { withConstraintOptions } from "./constraint-options.js";

type TaskAddArgs = JobIdArgs & CallArgs & TaskFlags & { jsonFile?: string };

export function taskAddCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, TaskAddArgs & GlobalArgs> {
  const group = "Task:";
  return {
    command: "add",
    aliases: ["create"],
    describe: "Add one task to a job",
    builder: (yargs) =>
      withConstraintOptions(
        withCallOptions(withJobId(yargs))
          .option("task-id", {
            alias: "id",
            type: "string",
            describe: "Id of the task",
            group: "Ids:",
            coerce: checkedId("--task-id"),
          })
          .option("json-file", {
            type: "string",
            describe: "A file holding the task as JSON (TaskAddParameter); - reads stdin",
            group,
          })
          .option("command-line", { type: "string", describe: "The command to run", group })
          .option("display-name", { type: "string", describe: "A display name", group }),
        group,
      )
        .option(
          "required-slots",
          numberFlag("required-slots", numberRules.requiredSlots, {
            describe: "Scheduling slots the task needs",
            group,
          }),
        )
        .option("environment-settings", {
          type: "array",
          string: true,
          describe: "NAME=value ...",
          group,
        })
        .option("resource-files", {
          type: "array",
          string: true,
          describe: "path=url ... to download first",
          group,
        })
        .option("depends-on", {
          type: "array",
          string: true,
          describe: "Task ids or ranges (1-10) to wait for",
          group,
        })
        .option("affinity-id", { type: "string", describe: "A node to prefer", group })
        .option("application-package-references", {
          type: "array",
          string: true,
          describe: "id[#version] ...",
          group,
        })
        .option("run-elevated", { type: "boolean", describe: "Run as an administrator", group })
        .conflicts("json-file", [...taskFieldFlags])
        .example("$0 task add --job-id j1 --task-id t1 --command-line 'echo hi'", "Add a task")
        .example(
          "$0 task add --job-id j1 --task-id t2 --command-line 'run.sh' --environment-settings MODE=fast --max-wall-clock-time 1h",
          "With environment settings and a time limit",
        )
        .example(
          "$0 task add --job-id j1 --json-file task.json",
          "Add the task described in task.json",
        ) as never,
    handler: runHandler<TaskAddArgs>(runtime, async (args, context) => {
      let task: TaskAddParameter;
      if (args.jsonFile !== undefined) {
        task = (await readJsonObject(
          args.jsonFile,
          context.io.stdin,
        )) as unknown as TaskAddParameter;
        if (args.taskId !== undefined) task = { ...task, id: args.taskId };
        if (typeof task.id !== "string") {
          throw usageError(
            `the task in ${args.jsonFile} has no "id" (or pass --task-id)`,
            "MissingRequiredProperty",
          );
        }
      } else {
        task = taskFromFlags(args);
      }
      const client = await openClient(context, args.timeout);
      const options = callOptions(args, context.signal);
      const write = await client.tasks.add(args.jobId, task, options);
      const taskId = task.id;
      await printCreated(context, {
        name: `task ${taskId} of job ${args.jobId}`,
        identity: { jobId: args.jobId, taskId, added: true },
        write,
        readBack: () => client.tasks.get(args.jobId, taskId, { signal: context.signal }),
        view: taskView,
      });
      return undefined;
    }),
  };
}
