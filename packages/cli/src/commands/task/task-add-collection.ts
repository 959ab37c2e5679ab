// `batch task add-collection`: any number of tasks from a JSON array, {"value": [...]} or
// NDJSON, streamed through the client's addMany (chunks of 100 under 1 MB, concurrent,
// retried, reconciled). The report lists every task: added, or failed with the reason, input
// entries that could not be sent included; the exit status is 7 when any task failed.
// --single-call sends exactly one Task_AddCollection request instead (at most 100 tasks),
// which takes every per-call option of the operation.
import type { BatchClient } from "@batch/client";
import type { TaskAddParameter } from "@batch/types";
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { usageError } from "../../errors/cli-error.js";
import { exitCodeForError } from "../../errors/exit-code-for-error.js";
import { formatErrorLine } from "../../errors/format-error-line.js";
import { ExitCode, type ExitCodeValue } from "../../exit-codes.js";
import { openTaskSource, type TaskSource } from "../../input/task-source.js";
import { taskAddResultView } from "../../output/table-view.js";
import {
  reportFromOutcome,
  reportFromRejected,
  reportFromServiceResult,
  summaryLine,
  type TaskAddReport,
} from "../../output/task-add-report.js";
import { startProgressBar } from "../../progress/progress-bar.js";
import type { CliRuntime, CommandContext } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, withJobId } from "../id-options.js";
import { type CallArgs, callOptions, withCallOptions } from "../operation-options.js";
import { runHandler } from "../run-handler.js";

type AddCollectionArgs = JobIdArgs &
  CallArgs & { jsonFile: string; concurrency?: number; singleCall?: boolean };

async function addStreamed(
  client: BatchClient,
  args: AddCollectionArgs,
  context: CommandContext,
  source: TaskSource,
): Promise<{ reports: TaskAddReport[]; error?: unknown; firstFailure?: unknown }> {
  const reports: TaskAddReport[] = [];
  let firstFailure: unknown;
  const started = Date.now();
  const bar = await startProgressBar(
    {
      stream: context.io.stderr,
      enabled: context.interactive,
      format:
        "Adding tasks {bar} {value}/{total} | {added} added, {failed} failed | {rate} tasks/s | ETA {eta_formatted}",
      formatWithoutTotal:
        "Adding tasks {value} done | {added} added, {failed} failed | {rate} tasks/s",
    },
    source.total,
  );
  let added = 0;
  let failed = 0;
  const redraw = () => {
    const done = added + failed + source.rejected.length;
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    bar.update(done, source.total, {
      added,
      failed: failed + source.rejected.length,
      rate: Math.round(done / seconds),
    });
  };
  try {
    await client.tasks.addMany(args.jobId, source.tasks, {
      signal: context.signal,
      ...(args.concurrency === undefined ? {} : { concurrency: args.concurrency }),
      ...(args.timeout === undefined ? {} : { timeout: args.timeout }),
      onTaskResult: (outcome) => {
        reports.push(reportFromOutcome(outcome));
        if (outcome.status === "added") added++;
        else {
          failed++;
          firstFailure ??= outcome.error;
        }
      },
      onProgress: redraw,
    });
    return { reports, firstFailure };
  } catch (error) {
    // Interrupted or stopped: the tasks whose outcome is known are still reported.
    return { reports, error, firstFailure };
  } finally {
    redraw();
    bar.stop();
  }
}

async function addInOneCall(
  client: BatchClient,
  args: AddCollectionArgs,
  context: CommandContext,
  source: TaskSource,
): Promise<TaskAddReport[]> {
  const tasks: TaskAddParameter[] = [];
  for await (const task of source.tasks) tasks.push(task);
  if (tasks.length === 0) return [];
  const result = await client.tasks.addCollection(
    args.jobId,
    tasks,
    callOptions(args, context.signal),
  );
  return (result.value ?? []).map(reportFromServiceResult);
}

export function taskAddCollectionCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, AddCollectionArgs & GlobalArgs> {
  return {
    command: "add-collection",
    describe: "Add any number of tasks from a JSON or NDJSON file",
    builder: (yargs) =>
      withCallOptions(withJobId(yargs))
        .option("json-file", {
          type: "string",
          demandOption: true,
          describe:
            'Tasks as a JSON array, {"value": [...]}, or NDJSON (one per line); - reads stdin',
          group: "Tasks:",
        })
        .option("concurrency", {
          type: "number",
          describe: "Requests in flight at once (default 4)",
          group: "Tasks:",
        })
        .option("single-call", {
          type: "boolean",
          describe:
            "Send exactly one add-collection request (1 to 100 tasks) with all request options",
          group: "Tasks:",
        })
        .example(
          "$0 task add-collection --job-id j1 --json-file tasks.json",
          "Add the tasks of a JSON array",
        )
        .example(
          "generate-tasks | $0 task add-collection --job-id j1 --json-file - -o none",
          "Stream NDJSON from a program",
        )
        .example(
          "$0 task add-collection --job-id j1 --json-file tasks.ndjson --query \"[?status=='failed'].taskId\"",
          "Print only the ids that failed",
        ) as never,
    handler: runHandler<AddCollectionArgs>(
      runtime,
      async (args, context): Promise<ExitCodeValue> => {
        rejectPerRequestOptions(args);
        const source = await openTaskSource(args.jsonFile, context.io.stdin);
        const client = await openClient(context);
        let reports: TaskAddReport[];
        let error: unknown;
        let firstFailure: unknown;
        if (args.singleCall) {
          reports = await addInOneCall(client, args, context, source);
        } else {
          ({ reports, error, firstFailure } = await addStreamed(client, args, context, source));
        }
        reports.push(...source.rejected.map(reportFromRejected));
        await context.output.value(reports, taskAddResultView);
        context.note(summaryLine(reports));
        if (error !== undefined) {
          context.io.stderr.write(`${formatErrorLine(error)}\n`);
          return exitCodeForError(error);
        }
        if (isRequestFailure(reports, firstFailure)) {
          // Nothing was added and every task met the same request-level error (JobNotFound,
          // AuthenticationFailed ...): report it as that error, with its own exit status.
          context.io.stderr.write(`${formatErrorLine(firstFailure)}\n`);
          return exitCodeForError(firstFailure);
        }
        return reports.some((report) => report.status === "failed")
          ? ExitCode.tasksFailed
          : ExitCode.ok;
      },
    ),
  };
}

function isRequestFailure(reports: readonly TaskAddReport[], firstFailure: unknown): boolean {
  if (reports.length === 0 || firstFailure === undefined) return false;
  const status = (firstFailure as { status?: unknown }).status;
  if (typeof status !== "number" || status < 400) return false;
  const code = (firstFailure as { code?: unknown }).code;
  return reports.every((report) => report.status === "failed" && report.code === code);
}

// A client-request-id names one request and an ocp-date dates one; the streamed mode sends
// many, so these only make sense with --single-call. Refused rather than silently dropped.
function rejectPerRequestOptions(args: AddCollectionArgs): void {
  if (args.singleCall) return;
  const given = [
    args.clientRequestId === undefined ? undefined : "--client-request-id",
    args.returnClientRequestId === undefined ? undefined : "--return-client-request-id",
    args.ocpDate === undefined ? undefined : "--ocp-date",
  ].filter((flag) => flag !== undefined);
  if (given.length > 0) {
    throw usageError(
      `${given.join(", ")} apply to a single request: add --single-call (at most 100 tasks)`,
      "InvalidInput",
    );
  }
}
