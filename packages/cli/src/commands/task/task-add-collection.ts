// `batch task add-collection`: any number of tasks from a JSON array, {"value": [...]} or
// NDJSON, streamed through the client's addMany (chunks of 100 under 1 MB, concurrent,
// retried, reconciled). The report lists every task read from the input, in input order:
// added; failed, with the code and reason (input entries that could not be sent included);
// unknown (in flight when the run stopped: the service may have it); or not sent. Interrupted
// (Ctrl-C) or stopped by an error every request would meet (JobNotFound, a refused key), it
// still reports every task read, and the summary says how much of the input was not read; the
// exit status is then that of the interrupt or the error, else 7 when any task was not added.
// --single-call sends exactly one Task_AddCollection request instead (at most 100 tasks),
// which takes every per-call option of the operation.
import type { BatchClient } from "@batch/client";
import type { TaskAddParameter } from "@batch/types";
import type { CommandModule } from "yargs";
import { openClient } from "../../client/open-client.js";
import { isBatchErrorShape } from "../../errors/batch-error-shape.js";
import { CliError, usageError } from "../../errors/cli-error.js";
import { exitCodeForError } from "../../errors/exit-code-for-error.js";
import { formatErrorLine } from "../../errors/format-error-line.js";
import { ExitCode, type ExitCodeValue } from "../../exit-codes.js";
import { openTaskSource, type TaskSource } from "../../input/task-source.js";
import { taskAddResultView } from "../../output/table-view.js";
import {
  type InputCoverage,
  inInputOrder,
  reportFromOutcome,
  reportFromRejected,
  reportFromServiceResult,
  reportNotSent,
  summaryLine,
  type TaskAddReport,
} from "../../output/task-add-report.js";
import { startProgressBar } from "../../progress/progress-bar.js";
import type { CliRuntime, CommandContext } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { type JobIdArgs, withJobId } from "../id-options.js";
import { numberFlag, numberRules } from "../number-flag.js";
import { type CallArgs, callOptions, withCallOptions } from "../operation-options.js";
import { runHandler } from "../run-handler.js";

type AddCollectionArgs = JobIdArgs &
  CallArgs & { jsonFile: string; concurrency?: number; singleCall?: boolean };

interface StreamedRun {
  /** Every task read from the input, in input order: added, failed, unknown or not sent. */
  reports: TaskAddReport[];
  /** What stopped sending early (an interrupt, an error every request would meet), if anything. */
  error?: unknown;
}

export async function addStreamed(
  client: BatchClient,
  args: AddCollectionArgs,
  context: CommandContext,
  source: TaskSource,
): Promise<StreamedRun> {
  const reports: TaskAddReport[] = [];
  const reported = new Set<string>();
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
  let counts = { added: 0, failed: 0, skipped: 0, unknown: 0 };
  const redraw = () => {
    const rejected = source.rejected.length;
    const done = counts.added + counts.failed + counts.skipped + counts.unknown + rejected;
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    bar.update(done, source.total, {
      added: counts.added,
      failed: counts.failed + counts.skipped + counts.unknown + rejected,
      rate: Math.round(done / seconds),
    });
  };
  let error: unknown;
  try {
    await client.tasks.addMany(args.jobId, source.tasks, {
      signal: context.signal,
      ...(args.concurrency === undefined ? {} : { concurrency: args.concurrency }),
      ...(args.timeout === undefined ? {} : { timeout: args.timeout }),
      // Every outcome arrives here, those of a run that stops early included; the result's
      // own list would keep them twice.
      keepAddedResults: false,
      onTaskResult: (outcome) => {
        reported.add(outcome.taskId);
        const error = outcome.error && stoppingError(outcome.error);
        reports.push(reportFromOutcome({ ...outcome, error }, inputOf(source, outcome.taskId)));
      },
      onProgress: (progress) => {
        counts = progress;
        redraw();
      },
    });
  } catch (caught) {
    // Interrupted, or stopped by an error every request would meet (AddManyError, whose
    // outcomes have all been reported), or the input failed: what is known is still reported.
    error = stoppingError(caught);
  } finally {
    redraw();
    bar.stop();
  }
  // Every task read gets a line, however sending ended: a run that returns normally should
  // have given each task it took an outcome, but one that did not is reported, never dropped.
  // Tasks the input gave that the client never took were not sent. Those it took without an
  // outcome were not sent when it stopped on an error it accounts for (a BatchError); after
  // anything else (another error, or none at all) they may have been in flight: unknown.
  const reason = isBatchErrorShape(error) || error instanceof CliError ? error : undefined;
  const stoppedCleanly = reason !== undefined;
  for (const [taskId, position] of source.positions) {
    if (reported.has(taskId)) continue;
    reports.push(
      reportNotSent(
        { taskId, position, positionKind: source.positionKind },
        reason ?? (error === undefined ? noOutcome : undefined),
        stoppedCleanly ? "notSent" : "unknown",
      ),
    );
  }
  for (const entry of source.notHandedOut()) reports.push(reportNotSent(entry, reason));
  reports.push(...source.rejected.map(reportFromRejected));
  return { reports: inInputOrder(reports), error };
}

/**
 * The error a stopped run is reported with. addMany wraps a failure of the input it was reading
 * (our task file turning unreadable halfway) as InputOrListenerFailed, after letting the
 * requests in flight settle; the user is told about the file, with the CLI's own code and exit
 * status, rather than about the wrapper.
 */
export function stoppingError<T>(error: T): T | CliError {
  if (!isBatchErrorShape(error) || error.code !== "InputOrListenerFailed") return error;
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof CliError ? cause : error;
}

const noOutcome = { message: "the upload ended without an outcome for this task" };

/**
 * 0 only when every task read was added and the whole input was read; else the stopping
 * error's status, or 7 (some tasks not added, or part of the input never read).
 */
export function addCollectionExitCode(
  reports: readonly TaskAddReport[],
  source: Pick<TaskSource, "finished">,
  error: unknown,
): ExitCodeValue {
  if (error !== undefined) return exitCodeForError(error);
  const allAdded = reports.every((report) => report.status === "added");
  return allAdded && source.finished ? ExitCode.ok : ExitCode.tasksFailed;
}

function inputOf(source: TaskSource, taskId: string): string | undefined {
  const position = source.positions.get(taskId);
  return position === undefined ? undefined : `${source.positionKind} ${position}`;
}

/** The service's limit on the tasks of one add-collection request. */
const singleCallLimit = 100;

async function addInOneCall(
  client: BatchClient,
  args: AddCollectionArgs,
  context: CommandContext,
  source: TaskSource,
): Promise<TaskAddReport[]> {
  const tasks: TaskAddParameter[] = [];
  for await (const task of source.tasks) tasks.push(task);
  // The service would refuse the request whole: nothing is sent.
  if (source.entriesRead > singleCallLimit) {
    throw usageError(
      `--single-call sends at most ${singleCallLimit} tasks (got ${source.entriesRead}); drop --single-call to stream any number`,
      "InvalidTaskCount",
    );
  }
  const reports = source.rejected.map(reportFromRejected);
  if (tasks.length === 0) return reports;
  const result = await client.tasks.addCollection(
    args.jobId,
    tasks,
    callOptions(args, context.signal),
  );
  for (const entry of result.value ?? []) {
    reports.push(reportFromServiceResult(entry, inputOf(source, entry.taskId)));
  }
  return inInputOrder(reports);
}

/** What the summary says about the input: its size when known, and where reading stopped. */
function coverageOf(source: TaskSource, file: string): InputCoverage {
  const label = file === "-" ? "standard input" : file;
  return {
    total: source.total,
    finished: source.finished,
    entriesRead: source.entriesRead,
    unreadPart:
      source.positionKind === "line" ? `${label} after line ${source.lastLine}` : `${label}`,
    // A JSON array is held whole: the entries the upload never took are already reported.
    unreadReported: source.positionKind === "item",
  };
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
        .option(
          "concurrency",
          numberFlag("concurrency", numberRules.concurrency, {
            describe: "Requests in flight at once (default 4)",
            group: "Tasks:",
          }),
        )
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
        const client = await openClient(context, args.timeout);
        let reports: TaskAddReport[];
        let error: unknown;
        if (args.singleCall) {
          reports = await addInOneCall(client, args, context, source);
        } else {
          ({ reports, error } = await addStreamed(client, args, context, source));
        }
        await context.output.value(reports, taskAddResultView);
        context.note(summaryLine(reports, coverageOf(source, args.jsonFile)));
        if (error !== undefined) context.io.stderr.write(`${formatErrorLine(error)}\n`);
        return addCollectionExitCode(reports, source, error);
      },
    ),
  };
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
