// `batch task wait`: polls until every task of the job (or those matching --filter) has
// completed, with a bar of counts by state on a terminal. The exit status is the answer:
// 0 every task succeeded (or the job has no tasks), 7 some failed, 6 --timeout passed first,
// 4 no task matches --filter. The last counts are
// printed in every case, with the ids of failed tasks.
import type { TaskStateSummary } from "@batch/client";
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { usageError } from "../../errors/cli-error.js";
import { ExitCode, type ExitCodeValue } from "../../exit-codes.js";
import { durationMs } from "../../input/duration.js";
import { waitSummaryView } from "../../output/table-view.js";
import { startProgressBar } from "../../progress/progress-bar.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, withJobId } from "../id-options.js";
import { runHandler } from "../run-handler.js";

const minimumIntervalMs = 1000;

type TaskWaitArgs = JobIdArgs & { filter?: string; timeout?: string; interval: string };

export function taskWaitCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, TaskWaitArgs & GlobalArgs> {
  return {
    command: "wait",
    describe:
      "Wait until the tasks of a job have completed; the exit status says whether all succeeded",
    builder: (yargs) =>
      withJobId(yargs)
        .option("filter", {
          type: "string",
          describe: "OData $filter: wait only for the matching tasks",
          group: "Query:",
        })
        .option("timeout", {
          type: "string",
          describe: "Give up after this long (e.g. 90s, 10m, PT1H): exit status 6",
          group: "Wait:",
        })
        .option("interval", {
          type: "string",
          default: "2s",
          describe: "Time between polls, at least 1s",
          group: "Wait:",
        })
        .example("$0 task wait --job-id j1 --timeout 30m", "Wait up to 30 minutes for every task")
        .example(
          "$0 task wait --job-id j1 --filter \"startswith(id,'render')\" && echo all good",
          "Wait for some tasks",
        ) as never,
    handler: runHandler<TaskWaitArgs>(runtime, async (args, context): Promise<ExitCodeValue> => {
      const pollIntervalMs = durationMs(args.interval, "--interval");
      // Each poll lists the job's tasks: without a floor, --interval 0 floods the service.
      if (pollIntervalMs < minimumIntervalMs) {
        throw usageError(`--interval must be at least 1s, not "${args.interval}"`);
      }
      const timeoutMs =
        args.timeout === undefined ? undefined : durationMs(args.timeout, "--timeout");
      const client = await openClient(context);
      const bar = await startProgressBar(
        {
          stream: context.io.stderr,
          enabled: context.interactive,
          format:
            "Waiting {bar} {value}/{total} completed | {active} active, {running} running | {succeeded} succeeded, {failed} failed",
          formatWithoutTotal: "Waiting {value} completed",
        },
        0,
      );
      let last: TaskStateSummary | undefined;
      try {
        last = await client.tasks.waitFor(args.jobId, {
          pollIntervalMs,
          signal: context.signal,
          ...(timeoutMs === undefined ? {} : { timeoutMs }),
          ...(args.filter === undefined ? {} : { filter: args.filter }),
          onProgress: (summary) => {
            last = summary;
            bar.update(summary.completed, summary.total, {
              active: summary.active,
              running: summary.running + summary.preparing,
              succeeded: summary.succeeded,
              failed: summary.failed,
            });
          },
        });
      } finally {
        bar.stop();
        if (last !== undefined) await context.output.value(printable(last), waitSummaryView);
      }
      if (last.total === 0) {
        // Nothing to wait for: a filter that matches nothing is most likely a mistake (a typo
        // in an id prefix), so it fails like a lookup; a job with no tasks yet is just said.
        if (args.filter !== undefined) {
          context.warn(
            `no tasks of job "${args.jobId}" match --filter ${JSON.stringify(args.filter)}`,
          );
          return ExitCode.notFound;
        }
        context.note(`job "${args.jobId}" has no tasks`);
        return ExitCode.ok;
      }
      return last.failed > 0 ? ExitCode.tasksFailed : ExitCode.ok;
    }),
  };
}

// Made on first use: building a collator loads ICU's collation data, about 8 ms, which every
// command would pay at start-up if this ran when the module loads.
let idOrder: ((left: string, right: string) => number) | undefined;

/**
 * The counts without the client's bookkeeping (how many polls it made), the failed ids sorted
 * (task-2 before task-10): they come in the service's listing order, which is not the ids'.
 */
function printable({
  polls: _polls,
  ...counts
}: TaskStateSummary): Omit<TaskStateSummary, "polls"> {
  idOrder ??= new Intl.Collator("en", { numeric: true }).compare;
  return { ...counts, failedTaskIds: [...counts.failedTaskIds].sort(idOrder) };
}
