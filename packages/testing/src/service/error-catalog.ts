// The Batch service errors the rules raise, by code, so every place that raises one uses the
// same status, wording and detail keys.

import { ServiceError } from "./service-error.js";

export function jobNotFound(): ServiceError {
  return new ServiceError(404, "JobNotFound", "The specified job does not exist.");
}

export function taskNotFound(): ServiceError {
  return new ServiceError(404, "TaskNotFound", "The specified task does not exist.");
}

export function jobExists(): ServiceError {
  return new ServiceError(409, "JobExists", "The specified job already exists.");
}

export function taskExists(): ServiceError {
  return new ServiceError(409, "TaskExists", "The specified task already exists.");
}

export function missingRequiredProperty(name: string): ServiceError {
  return new ServiceError(
    400,
    "MissingRequiredProperty",
    "A required property was not specified in the request body.",
    [{ key: "PropertyName", value: name }],
  );
}

export function invalidPropertyValue(name: string, value: unknown, reason: string): ServiceError {
  return new ServiceError(
    400,
    "InvalidPropertyValue",
    "The value provided for one of the properties in the request body is invalid.",
    [
      { key: "PropertyName", value: name },
      { key: "PropertyValue", value: describeValue(value) },
      { key: "Reason", value: reason },
    ],
  );
}

export function invalidQueryParameterValue(
  name: string,
  value: string,
  reason: string,
): ServiceError {
  return new ServiceError(
    400,
    "InvalidQueryParameterValue",
    `The value of the query parameter ${name} in the request URI is not valid.`,
    [
      { key: "QueryParameterName", value: name },
      { key: "QueryParameterValue", value },
      { key: "Reason", value: reason },
    ],
  );
}

export function outOfRangeQueryParameterValue(
  name: string,
  value: string,
  min: number,
  max: number,
): ServiceError {
  return new ServiceError(
    400,
    "OutOfRangeQueryParameterValue",
    `The value of the query parameter ${name} in the request URI is out of range.`,
    [
      { key: "QueryParameterName", value: name },
      { key: "QueryParameterValue", value },
      { key: "Reason", value: `The value must be between ${min} and ${max}.` },
    ],
  );
}

export function invalidHeaderValue(name: string, value: string, reason: string): ServiceError {
  return new ServiceError(
    400,
    "InvalidHeaderValue",
    `The value for the header ${name} is not valid.`,
    [
      { key: "HeaderName", value: name },
      { key: "HeaderValue", value },
      { key: "Reason", value: reason },
    ],
  );
}

export function jobStateConflict(state: string): ServiceError | undefined {
  switch (state) {
    case "completed":
      return new ServiceError(409, "JobCompleted", "The specified job has already completed.");
    case "terminating":
      return new ServiceError(409, "JobBeingTerminated", "The specified job is being terminated.");
    case "deleting":
      return new ServiceError(
        409,
        "JobBeingDeleted",
        "The specified job has been marked for deletion and is being garbage collected.",
      );
    default:
      return undefined;
  }
}

export function taskCompleted(): ServiceError {
  return new ServiceError(409, "TaskCompleted", "The specified task has already completed.");
}

export function taskNotCompleted(): ServiceError {
  return new ServiceError(
    409,
    "TaskNotCompleted",
    "The specified task cannot be reactivated because it has not completed.",
  );
}

export function taskSucceeded(): ServiceError {
  return new ServiceError(
    409,
    "TaskSucceeded",
    "The specified task cannot be reactivated because it completed successfully.",
  );
}

export function operationInvalidForCurrentState(message: string): ServiceError {
  return new ServiceError(409, "OperationInvalidForCurrentState", message);
}

export function conditionNotMet(status: 304 | 412): ServiceError {
  return new ServiceError(
    status,
    "ConditionNotMet",
    "The condition specified using HTTP conditional header(s) is not met.",
  );
}

export function multipleConditionHeaders(): ServiceError {
  return new ServiceError(
    400,
    "MultipleConditionHeadersNotSupported",
    "Multiple condition headers are not supported.",
  );
}

export function taskDependenciesNotSpecifiedOnJob(): ServiceError {
  return new ServiceError(
    400,
    "TaskDependenciesNotSpecifiedOnJob",
    "The task has dependencies but the job does not allow task dependencies (usesTaskDependencies is not true).",
  );
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Nested too deeply to serialize (String() would recurse as deeply): name the shape only.
    return Array.isArray(value) ? "[...]" : typeof value === "object" ? "{...}" : typeof value;
  }
}
