// The answers an injected fault gives: BatchError bodies with the codes and statuses the
// service uses for transient failures (500 InternalError / OperationTimedOut, 503 ServerBusy,
// 429 TooManyRequests, the last two with Retry-After), and the `servererror` result of one
// task in a task collection.

import type { TaskAddResult } from "@batch/types";
import type { OperationCall } from "../http/operation-middleware.js";
import { errorResponse } from "../http/responses.js";

export type TransientErrorCode =
  | "InternalError"
  | "OperationTimedOut"
  | "ServerBusy"
  | "TooManyRequests";

const TRANSIENT_ERRORS: Record<TransientErrorCode, { status: number; message: string }> = {
  InternalError: {
    status: 500,
    message: "The server encountered an internal error. Please retry the request.",
  },
  OperationTimedOut: {
    status: 500,
    message: "The operation could not be completed within the permitted time.",
  },
  ServerBusy: {
    status: 503,
    message: "The server is currently unable to receive requests. Please retry your request.",
  },
  TooManyRequests: {
    status: 429,
    message: "The account is receiving more requests than it can handle. Please retry later.",
  },
};

/** The error answer of a transient failure; 503 and 429 say when to retry. */
export function transientErrorResponse(
  call: OperationCall,
  code: TransientErrorCode,
  retryAfterSeconds: number,
): Response {
  const { status, message } = TRANSIENT_ERRORS[code];
  // The client-request-id echo is added by the handlers, as on every answer.
  const response = errorResponse(
    { requestId: call.requestId, echoClientRequestId: undefined, origin: originOf(call) },
    { status, code, message },
  );
  if (status !== 500) response.headers.set("Retry-After", String(retryAfterSeconds));
  return response;
}

/** A task collection result for a task the service "failed" to add. */
export function taskServerError(taskId: string): TaskAddResult {
  return {
    status: "servererror",
    taskId,
    error: {
      code: "InternalError",
      message: { lang: "en-US", value: TRANSIENT_ERRORS.InternalError.message },
    },
  };
}

export function originOf(call: OperationCall): string {
  return new URL(call.request.url).origin;
}
