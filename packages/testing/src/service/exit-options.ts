// What a finished task means for its dependents and its job: the dependencyAction and jobAction
// its exit conditions pick for the way it ended, with the service's defaults (satisfy and none
// after exit code 0, block and terminate otherwise).

import type { ExitOptions } from "@batch/types";
import type { TaskRecord } from "../store/records.js";
import { isServiceEnded } from "./failure-codes.js";

function optionsFor(task: TaskRecord): ExitOptions | undefined {
  const conditions = task.spec.exitConditions;
  const run = task.run;
  if (!conditions || !run) return undefined;
  const code = run.exitCode;
  if (code !== undefined) {
    const exact = conditions.exitCodes?.find((mapping) => mapping.code === code);
    if (exact) return exact.exitOptions;
    const range = conditions.exitCodeRanges?.find((r) => r.start <= code && code <= r.end);
    if (range) return range.exitOptions;
    return code === 0 ? undefined : conditions.default;
  }
  // Ended without an exit code: it never started properly, or it was ended by the service.
  const startFailure =
    run.failureInfo !== undefined &&
    run.startTime === undefined &&
    !isServiceEnded(run.failureInfo);
  return (startFailure ? conditions.preProcessingError : undefined) ?? conditions.default;
}

function succeeded(task: TaskRecord): boolean {
  return task.run?.result === "success";
}

export function dependencyActionFor(task: TaskRecord): "satisfy" | "block" {
  return optionsFor(task)?.dependencyAction ?? (succeeded(task) ? "satisfy" : "block");
}

export function jobActionFor(task: TaskRecord): "none" | "disable" | "terminate" {
  return optionsFor(task)?.jobAction ?? (succeeded(task) ? "none" : "terminate");
}
