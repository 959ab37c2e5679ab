// Validation of JobAddParameter and JobTerminateParameter bodies. Job settings this emulator
// does not model (job manager, preparation and release tasks, network settings, auto pools)
// are refused like any unknown property, rather than accepted and ignored.

import type { JobSpec } from "../../store/records.js";
import { displayNameCheck, environmentSetting, idCheck, retryCount } from "./common-schemas.js";
import { arrayOf, bool, duration, int, invalid, object, oneOf, opt, req, str } from "./schema.js";

const jobAddParameter = object(
  {
    id: req(idCheck),
    displayName: opt(displayNameCheck),
    priority: opt(int({ min: -1000, max: 1000 })),
    maxParallelTasks: opt(
      int({ reason: "maxParallelTasks must be -1 (no limit) or greater than 0." }),
    ),
    allowTaskPreemption: opt(bool()),
    constraints: opt(
      object({ maxWallClockTime: opt(duration()), maxTaskRetryCount: opt(retryCount) }),
    ),
    poolInfo: req(
      object({ poolId: req(str({ pattern: /\S/, reason: "The pool id must not be empty." })) }),
    ),
    onAllTasksComplete: opt(oneOf(["noaction", "terminatejob"])),
    onTaskFailure: opt(oneOf(["noaction", "performexitoptionsjobaction"])),
    metadata: opt(arrayOf(object({ name: req(str()), value: req(str()) }))),
    usesTaskDependencies: opt(bool()),
    commonEnvironmentSettings: opt(arrayOf(environmentSetting)),
  },
  (job, path) => {
    if (
      job.maxParallelTasks !== undefined &&
      job.maxParallelTasks !== -1 &&
      job.maxParallelTasks < 1
    ) {
      invalid(
        [...path, "maxParallelTasks"],
        job.maxParallelTasks,
        "maxParallelTasks must be -1 (no limit) or greater than 0.",
      );
    }
  },
);

export function validateJobAddParameter(body: unknown): JobSpec {
  return jobAddParameter(body, []) as JobSpec;
}

const jobTerminateParameter = object({ terminateReason: opt(str()) });

/** The terminate reason a Job_Terminate body gives, if any. */
export function validateJobTerminateParameter(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  return jobTerminateParameter(body, []).terminateReason;
}
