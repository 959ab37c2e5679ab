// The one error type of the service layer: an HTTP status, the Batch error code and message,
// and optional key/value details. The HTTP layer turns it into a BatchError body unchanged.

/** One `values` entry of a BatchError. */
export interface ErrorDetail {
  key: string;
  value: string;
}

/** The version of a resource an answer is about, for its ETag and Last-Modified headers. */
export interface ResourceVersion {
  eTag: string;
  /** Epoch ms. */
  lastModified: number;
}

export class ServiceError extends Error {
  readonly status: number;
  readonly code: string;
  readonly values: ErrorDetail[] | undefined;
  /** The resource a 304 Not Modified is about: its headers tell the client what it has. */
  readonly resource: ResourceVersion | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    values?: ErrorDetail[],
    resource?: ResourceVersion,
  ) {
    super(message);
    this.name = "ServiceError";
    this.status = status;
    this.code = code;
    this.values = values;
    this.resource = resource;
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}
