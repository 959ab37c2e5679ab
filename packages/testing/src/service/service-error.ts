// The one error type of the service layer: an HTTP status, the Batch error code and message,
// and optional key/value details. The HTTP layer turns it into a BatchError body unchanged.

/** One `values` entry of a BatchError. */
export interface ErrorDetail {
  key: string;
  value: string;
}

export class ServiceError extends Error {
  readonly status: number;
  readonly code: string;
  readonly values: ErrorDetail[] | undefined;

  constructor(status: number, code: string, message: string, values?: ErrorDetail[]) {
    super(message);
    this.name = "ServiceError";
    this.status = status;
    this.code = code;
    this.values = values;
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}
