// Request bodies as JSON. A value JSON cannot represent (a BigInt, a circular reference) is the
// caller's mistake, found before anything is sent: a client BatchError, not a bare TypeError.
import { clientError } from "../errors.js";

/** `value` as JSON; `what` names it in the error (default "the request body"). */
export function jsonBody(value: unknown, operation: string, what = "the request body"): string {
  try {
    return JSON.stringify(value);
  } catch (cause) {
    throw clientError(
      "InvalidRequestBody",
      `${what} cannot be serialized to JSON`,
      operation,
      cause,
    );
  }
}
