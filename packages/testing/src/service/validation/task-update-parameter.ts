// Validation of TaskUpdateParameter bodies: only constraints can change, and an absent body or
// absent constraints mean "back to the defaults".

import type { TaskConstraints } from "@batch/types";
import { taskConstraints } from "./common-schemas.js";
import { object, opt } from "./schema.js";

const taskUpdateParameter = object({ constraints: opt(taskConstraints) });

/** Returns the new constraints, or undefined when the task goes back to the defaults. */
export function validateTaskUpdateParameter(body: unknown): TaskConstraints | undefined {
  if (body === undefined || body === null) return undefined;
  return taskUpdateParameter(body, []).constraints;
}
