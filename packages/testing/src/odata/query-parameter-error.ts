// The service's answer to a query parameter it cannot use: 400 InvalidQueryParameterValue,
// naming the parameter, echoing its value and giving the reason, for $filter, $select and
// $expand alike.

import { FilterError } from "./filter-compiler.js";
import type { FilterSyntaxError } from "./filter-syntax-error.js";
import type { SelectError } from "./select.js";

export interface InvalidQueryParameterDetails {
  code: "InvalidQueryParameterValue";
  status: 400;
  message: string;
  values: { key: string; value: string }[];
}

export function invalidQueryParameter(
  name: string,
  value: string,
  reason: string,
): InvalidQueryParameterDetails {
  return {
    code: "InvalidQueryParameterValue",
    status: 400,
    message: `The value of the query parameter ${name} in the request URI is not valid.`,
    values: [
      { key: "QueryParameterName", value: name },
      { key: "QueryParameterValue", value },
      { key: "Reason", value: reason },
    ],
  };
}

export function filterErrorDetails(
  error: FilterSyntaxError | FilterError,
  filterText: string,
): InvalidQueryParameterDetails {
  const reason = error instanceof FilterError ? error.reason : error.message;
  return invalidQueryParameter("$filter", filterText, reason);
}

export function selectErrorDetails(error: SelectError, text: string): InvalidQueryParameterDetails {
  return invalidQueryParameter(error.parameter, text, error.reason);
}
