// The failureInfo blocks the emulator writes when a task ends badly. Codes follow the service's
// task scheduling error table where it has one.

import type { FailureInfo } from "../store/records.js";

export const FAILURE_EXIT_CODE: FailureInfo = {
  category: "usererror",
  code: "FailureExitCode",
  message: "The task process exited with an unexpected exit code",
};

export const TASK_ENDED: FailureInfo = {
  category: "usererror",
  code: "TaskEnded",
  message: "The task was ended by a terminate request",
};

// The service's public error tables have no code for this case; the name is ours.
export const MAX_WALL_CLOCK_TIME_EXCEEDED: FailureInfo = {
  category: "usererror",
  code: "MaxWallClockTimeExceeded",
  message: "The task ran longer than its maxWallClockTime constraint and was ended",
};

/** Failures the service itself causes after a start; never pre-processing errors. */
export function isServiceEnded(failure: FailureInfo | undefined): boolean {
  return failure?.code === TASK_ENDED.code || failure?.code === MAX_WALL_CLOCK_TIME_EXCEEDED.code;
}
