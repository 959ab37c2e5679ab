// Errors the HTTP layer raises itself (bad URL, query, headers, body, authentication): they
// carry a status and Batch error code like the service's own, and are answered the same way.

import { ServiceError } from "../service/service-error.js";

export function httpError(
  status: number,
  code: string,
  message: string,
  values?: { key: string; value: string }[],
): ServiceError {
  return new ServiceError(status, code, message, values);
}

export function missingQueryParameter(name: string): ServiceError {
  return httpError(
    400,
    "MissingRequiredQueryParameter",
    "A query parameter that's mandatory for this request is not specified.",
    [{ key: "QueryParameterName", value: name }],
  );
}

export function invalidQueryParameter(name: string, value: string, reason: string): ServiceError {
  return httpError(
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
