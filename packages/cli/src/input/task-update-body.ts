// The body of `task update`: the REST shape `{"constraints": {...}}`, or a bare TaskConstraints
// object as az's `--json-file` takes it. Both are accepted; flags override the file's values.
import type { TaskUpdateParameter } from "@batch/types";
import { usageError } from "../errors/cli-error.js";

type Constraints = NonNullable<TaskUpdateParameter["constraints"]>;

export function updateBodyFromJson(
  value: Record<string, unknown>,
  file: string,
): TaskUpdateParameter {
  if ("constraints" in value) {
    const constraints = value.constraints;
    if (typeof constraints !== "object" || constraints === null || Array.isArray(constraints)) {
      throw usageError(`"constraints" in ${file} must be an object`, "InvalidInput");
    }
    return value as TaskUpdateParameter;
  }
  return { constraints: value as Constraints };
}

export function mergeConstraints(
  body: TaskUpdateParameter | undefined,
  flags: Constraints | undefined,
): TaskUpdateParameter {
  if (body === undefined && flags === undefined) {
    throw usageError(
      "give at least one of --max-wall-clock-time, --retention-time, --max-task-retry-count, or --json-file",
      "MissingRequiredProperty",
    );
  }
  return { ...body, constraints: { ...body?.constraints, ...flags } };
}
