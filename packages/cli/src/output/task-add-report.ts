// One line of add-collection's per-task report, in one flat shape whatever produced it: the
// client's addMany outcome, the service's TaskAddResult (single-call mode), an input entry set
// aside before sending, or a task read but never sent. Flat fields make the table and tsv
// forms readable. The summary on stderr counts them and says how much of the input was read.
import type { TaskAddResult } from "@batch/types";
import { errorCodeOf } from "../errors/format-error-line.js";
import type { RejectedEntry, UnsentEntry } from "../input/task-source.js";

/**
 * - `added`: the service has the task;
 * - `failed`: it was refused, by the service or before sending (`code` says why);
 * - `unknown`: it was sent but no answer settled it (an interrupt or a lost connection while
 *   in flight): the service may have added it;
 * - `notSent`: it was read from the input but never sent, as sending stopped first.
 */
export type TaskAddReportStatus = "added" | "failed" | "unknown" | "notSent";

export interface TaskAddReport {
  taskId?: string;
  status: TaskAddReportStatus;
  code?: string;
  message?: string;
  /** Where the task sits in the input, e.g. "line 7" or "item 3". */
  input?: string;
  /** Added, as shown by TaskExists after a send whose answer was lost. */
  reconciled?: true;
}

export interface OutcomeLike {
  taskId: string;
  status: string;
  reconciled?: boolean;
  error?: { code?: string | undefined; kind?: string | undefined; message: string } | undefined;
}

const outcomeStatuses: Record<string, TaskAddReportStatus> = {
  added: "added",
  failed: "failed",
  unknown: "unknown",
  skipped: "notSent",
};

function withInput(report: TaskAddReport, input: string | undefined): TaskAddReport {
  return input === undefined ? report : { ...report, input };
}

/** The report of one addMany outcome; `input` says where the task sits in the input. */
export function reportFromOutcome(outcome: OutcomeLike, input?: string): TaskAddReport {
  const code = outcome.error === undefined ? undefined : errorCodeOf(outcome.error);
  return withInput(
    {
      taskId: outcome.taskId,
      status: outcomeStatuses[outcome.status] ?? "failed",
      ...(code === undefined ? {} : { code }),
      ...(outcome.error === undefined ? {} : { message: outcome.error.message }),
      ...(outcome.reconciled ? { reconciled: true as const } : {}),
    },
    input,
  );
}

export function reportFromRejected(entry: RejectedEntry): TaskAddReport {
  return {
    ...(entry.taskId === undefined ? {} : { taskId: entry.taskId }),
    status: "failed",
    code: entry.code,
    message: entry.message,
    input: `${entry.positionKind} ${entry.position}`,
  };
}

/** A task read from the input that sending stopped before: `reason` is what stopped it. */
export function reportNotSent(
  entry: UnsentEntry,
  reason: { code?: string | undefined; kind?: string | undefined; message: string } | undefined,
  status: "notSent" | "unknown" = "notSent",
): TaskAddReport {
  const code = reason === undefined ? undefined : errorCodeOf(reason);
  return {
    ...(entry.taskId === undefined ? {} : { taskId: entry.taskId }),
    status,
    ...(code === undefined ? {} : { code }),
    ...(reason === undefined ? {} : { message: reason.message }),
    input: `${entry.positionKind} ${entry.position}`,
  };
}

export function reportFromServiceResult(result: TaskAddResult, input?: string): TaskAddReport {
  const message = result.error?.message?.value;
  return withInput(
    {
      taskId: result.taskId,
      status: result.status === "success" ? "added" : "failed",
      ...(result.error?.code === undefined ? {} : { code: result.error.code }),
      ...(message === undefined ? {} : { message }),
    },
    input,
  );
}

/** Orders reports as their tasks stand in the input ("line 7" before "line 12"). */
export function inInputOrder(reports: TaskAddReport[]): TaskAddReport[] {
  const position = (report: TaskAddReport) =>
    Number(/\d+$/.exec(report.input ?? "")?.[0] ?? Number.POSITIVE_INFINITY);
  return reports
    .map((report, index) => ({ report, index, at: position(report) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ report }) => report);
}

/** How much of the input was read, for a run that stopped before the end of it. */
export interface InputCoverage {
  /** Entries the input holds, when known (a file). */
  total: number | undefined;
  /** Whether the whole input was read. */
  finished: boolean;
  /** Entries read (tasks and entries set aside). */
  entriesRead: number;
  /** What was not read, e.g. "tasks.ndjson after line 2600". */
  unreadPart: string;
  /**
   * Whether the entries not read each have a `notSent` report already (a JSON array, held
   * whole, lists them), so that they are not counted twice.
   */
  unreadReported?: boolean;
}

const defaultCoverage: InputCoverage = {
  total: undefined,
  finished: true,
  entriesRead: 0,
  unreadPart: "",
};

/** The stderr summary: counts by status, the first failures by id and code, what was not read. */
export function summaryLine(
  reports: readonly TaskAddReport[],
  coverage: InputCoverage = defaultCoverage,
): string {
  const count = (status: TaskAddReportStatus) =>
    reports.filter((report) => report.status === status).length;
  const added = count("added");
  const failed = reports.filter((report) => report.status === "failed");
  const unknown = count("unknown");
  const notRead =
    !coverage.finished && coverage.total !== undefined
      ? Math.max(0, coverage.total - coverage.entriesRead)
      : 0;
  const notSent = count("notSent") + (coverage.unreadReported ? 0 : notRead);
  const of =
    coverage.finished || coverage.total !== undefined
      ? `${coverage.finished ? reports.length : (coverage.total ?? reports.length)} tasks`
      : `the ${reports.length} tasks read`;
  let line = `added ${added} of ${of}`;
  if (failed.length > 0) {
    const shown = failed
      .slice(0, 5)
      .map((report) => `${report.taskId ?? report.input ?? "?"} (${report.code ?? "failed"})`)
      .join(", ");
    line += `; ${failed.length} failed: ${shown}${failed.length > 5 ? ", ..." : ""}`;
  }
  if (unknown > 0) {
    line += `; ${unknown} unknown (sent, but no answer came: the service may have added them)`;
  }
  if (notSent > 0) {
    line += `; ${notSent} not sent`;
    if (notRead > 0) line += ` (${notRead} of them not read: ${coverage.unreadPart})`;
  }
  if (!coverage.finished && coverage.total === undefined) {
    line += `; ${coverage.unreadPart} was not read`;
  }
  return line;
}
