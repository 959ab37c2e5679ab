// One line of add-collection's per-task report, in one flat shape whatever produced it: the
// client's addMany outcome, the service's TaskAddResult (single-call mode), or an input entry
// set aside before sending. Flat fields make the table and tsv forms readable.
import type { TaskAddResult } from "@batch/types";
import type { RejectedEntry } from "../input/task-source.js";

export interface TaskAddReport {
  taskId?: string;
  status: "added" | "failed";
  code?: string;
  message?: string;
  /** Where a rejected entry sits in the input, e.g. "line 7". */
  input?: string;
  /** Added, as shown by TaskExists after a send whose answer was lost. */
  reconciled?: true;
}

export interface OutcomeLike {
  taskId: string;
  status: string;
  reconciled?: boolean;
  error?: { code?: string | undefined; message: string } | undefined;
}

export function reportFromOutcome(outcome: OutcomeLike): TaskAddReport {
  return {
    taskId: outcome.taskId,
    status: outcome.status === "added" ? "added" : "failed",
    ...(outcome.error?.code === undefined ? {} : { code: outcome.error.code }),
    ...(outcome.error === undefined ? {} : { message: outcome.error.message }),
    ...(outcome.reconciled ? { reconciled: true as const } : {}),
  };
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

export function reportFromServiceResult(result: TaskAddResult): TaskAddReport {
  const message = result.error?.message?.value;
  return {
    taskId: result.taskId,
    status: result.status === "success" ? "added" : "failed",
    ...(result.error?.code === undefined ? {} : { code: result.error.code }),
    ...(message === undefined ? {} : { message }),
  };
}

/** The stderr summary: counts, and the first failures by id and code. */
export function summaryLine(reports: readonly TaskAddReport[]): string {
  const failed = reports.filter((report) => report.status === "failed");
  let line = `added ${reports.length - failed.length} of ${reports.length} tasks`;
  if (failed.length > 0) {
    const shown = failed
      .slice(0, 5)
      .map((report) => `${report.taskId ?? report.input ?? "?"} (${report.code ?? "failed"})`)
      .join(", ");
    line += `; ${failed.length} failed: ${shown}${failed.length > 5 ? ", ..." : ""}`;
  }
  return line;
}
