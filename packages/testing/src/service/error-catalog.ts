// Every Batch error the emulator answers with, by code: the rules' errors and the HTTP layer's
// (URL, query, headers, body, authentication), so each code has one status, one wording and
// one set of detail keys wherever it is raised.

import { type ResourceVersion, ServiceError } from "./service-error.js";

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

/** A body property the operation does not take; `path` says where it is. */
export function unsupportedProperty(name: string, path: string): ServiceError {
  return new ServiceError(
    400,
    "UnsupportedProperty",
    "The request body contains a property that is not supported.",
    [
      { key: "PropertyName", value: name },
      { key: "Reason", value: `${path}: this property is not supported here.` },
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
    "The value for one of the HTTP headers is not in the correct format.",
    [
      { key: "HeaderName", value: name },
      { key: "HeaderValue", value },
      { key: "Reason", value: reason },
    ],
  );
}

export function missingRequiredHeader(name: string): ServiceError {
  return new ServiceError(
    400,
    "MissingRequiredHeader",
    "A header that's mandatory for this request is not specified.",
    [{ key: "HeaderName", value: name }],
  );
}

export function missingRequiredQueryParameter(name: string): ServiceError {
  return new ServiceError(
    400,
    "MissingRequiredQueryParameter",
    "A query parameter that's mandatory for this request is not specified.",
    [{ key: "QueryParameterName", value: name }],
  );
}

export function unsupportedRequestVersion(
  value: string,
  supported: readonly string[],
): ServiceError {
  return new ServiceError(
    400,
    "UnsupportedRequestVersion",
    "The specified api-version is not supported by this endpoint.",
    [
      { key: "QueryParameterName", value: "api-version" },
      { key: "QueryParameterValue", value },
      { key: "Reason", value: `Supported versions: ${[...new Set(supported)].join(", ")}.` },
    ],
  );
}

/** A URL whose path cannot be decoded; `segment` names the part at fault when known. */
export function requestUrlFailedToParse(segment?: string): ServiceError {
  return segment === undefined
    ? new ServiceError(400, "RequestUrlFailedToParse", "The request URL could not be parsed.")
    : new ServiceError(
        400,
        "RequestUrlFailedToParse",
        "The request URL could not be parsed: it has an invalid percent-encoding.",
        [{ key: "Segment", value: segment }],
      );
}

export function requestBodyTooLarge(limit: number): ServiceError {
  return new ServiceError(
    413,
    "RequestBodyTooLarge",
    `The request body is too large and exceeds the maximum permissible limit of ${limit} bytes.`,
    [{ key: "MaxLimit", value: String(limit) }],
  );
}

/** A body that is missing, not UTF-8 or not JSON; `reason` is the parser's complaint. */
export function invalidRequestBody(message: string, reason?: string): ServiceError {
  return new ServiceError(
    400,
    "InvalidRequestBody",
    message,
    reason === undefined ? undefined : [{ key: "Reason", value: reason }],
  );
}

/** Every authentication failure; the detail says what is wrong (never a key or signature). */
export function authenticationFailed(message: string, detail: string): ServiceError {
  return new ServiceError(403, "AuthenticationFailed", message, [
    { key: "AuthenticationErrorDetail", value: detail },
  ]);
}

export function resourceNotFound(path?: string): ServiceError {
  return new ServiceError(
    404,
    "ResourceNotFound",
    "The specified resource does not exist.",
    path === undefined ? undefined : [{ key: "Path", value: path }],
  );
}

export function unsupportedHttpVerb(method: string): ServiceError {
  return new ServiceError(
    405,
    "UnsupportedHttpVerb",
    `The resource doesn't support the specified HTTP verb ${method}.`,
  );
}

/** A request node:http could not parse: a request line and headers over its limit. */
export function requestHeaderFieldsTooLarge(): ServiceError {
  return new ServiceError(
    431,
    "RequestHeaderFieldsTooLarge",
    "The request line and headers together are larger than the 16 KB allowed.",
  );
}

/** A request node:http could not parse: bytes that are not HTTP. */
export function invalidInput(reason: string): ServiceError {
  return new ServiceError(400, "InvalidInput", `The request is not valid HTTP: ${reason}.`);
}

/** A bug of the emulator's, answered as the service answers its own. */
export function internalError(error: unknown): ServiceError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ServiceError(
    500,
    "InternalError",
    `The server encountered an internal error: ${detail}`,
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

/** An unmet condition; a 304 names the resource's current version for its headers. */
export function conditionNotMet(status: 304 | 412, resource?: ResourceVersion): ServiceError {
  return new ServiceError(
    status,
    "ConditionNotMet",
    "The condition specified using HTTP conditional header(s) is not met.",
    undefined,
    status === 304 ? resource : undefined,
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

export function taskDependencyListTooLong(maxChars: number): ServiceError {
  return new ServiceError(
    400,
    "TaskDependencyListTooLong",
    `The task ids this task depends on add up to more than ${maxChars} characters; use taskIdRanges instead.`,
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
