// BatchError: the one error type every failed call ends in, and the parsing of the service's
// error bodies into it. Secrets never get in: messages and values pass through redactText, and
// the JSON and inspect forms list only the safe fields.
import type { BatchErrorDetail } from "@batch/types";
import { redactText } from "./redaction.js";

/**
 * - `service`: the service answered with a non-success status (see `status` and `code`).
 * - `network`: no answer: the connection failed or broke.
 * - `timeout`: the client-side deadline passed (per attempt, or of `waitFor`).
 * - `aborted`: the caller's AbortSignal fired.
 * - `client`: refused before anything was sent: invalid input, or the credential could not
 *   produce a token.
 */
export type BatchErrorKind = "service" | "network" | "timeout" | "aborted" | "client";

export interface BatchErrorOptions {
  kind: BatchErrorKind;
  message: string;
  status?: number | undefined;
  code?: string | undefined;
  values?: readonly BatchErrorDetail[] | undefined;
  requestId?: string | undefined;
  clientRequestId?: string | undefined;
  operation?: string | undefined;
  attempts?: number | undefined;
  cause?: unknown;
}

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

export class BatchError extends Error {
  // Declared, not defined: the constructor sets each once, and the bundle carries no field list.
  declare readonly name: "BatchError";
  declare readonly kind: BatchErrorKind;
  /** HTTP status of the final answer (kind "service"). */
  declare readonly status: number | undefined;
  /**
   * The service's error code, e.g. "TaskNotFound", or one of the client's own, e.g.
   * "InvalidTaskCount" (the README lists them).
   */
  declare readonly code: string | undefined;
  /** The service's extra details (`values: [{ key, value }]`). */
  declare readonly values: readonly BatchErrorDetail[];
  /** The service's `request-id` response header. */
  declare readonly requestId: string | undefined;
  /** The `client-request-id` the call was sent with. */
  declare readonly clientRequestId: string | undefined;
  /** The operationId, e.g. "Task_Get". */
  declare readonly operation: string | undefined;
  /** HTTP attempts made (0 when nothing was sent). */
  declare readonly attempts: number;
  /** True when the request was sent more than once. */
  declare readonly retried: boolean;

  constructor(options: BatchErrorOptions) {
    super(
      redactText(options.message),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.kind = options.kind;
    this.status = options.status;
    this.code = options.code;
    this.values = (options.values ?? []).map((detail) => ({
      ...(typeof detail.key === "string" ? { key: detail.key } : {}),
      ...(detail.value === undefined ? {} : { value: redactText(String(detail.value)) }),
    }));
    this.requestId = options.requestId;
    this.clientRequestId = options.clientRequestId;
    this.operation = options.operation;
    this.attempts = options.attempts ?? 0;
    this.retried = this.attempts > 1;
  }

  /** The safe fields, which are also what a BatchError is made of (see `BatchErrorOptions`). */
  toJSON(): BatchErrorOptions & { name: "BatchError"; attempts: number } {
    return {
      name: this.name,
      kind: this.kind,
      status: this.status,
      code: this.code,
      message: this.message,
      values: this.values,
      requestId: this.requestId,
      clientRequestId: this.clientRequestId,
      operation: this.operation,
      attempts: this.attempts,
    };
  }

  [inspectSymbol](
    _depth: number,
    options: object,
    inspect: (value: unknown, options: object) => string,
  ): string {
    const fields = inspect(this.toJSON(), options);
    const cause =
      this.cause === undefined ? "" : `\n  [cause]: ${redactText(describeCause(this.cause))}`;
    return `${this.stack ?? `${this.name}: ${this.message}`} ${fields}${cause}`;
  }
}

// The prototype carries the name, so stack traces start with "BatchError:" and the instance
// has no extra own property.
Object.defineProperty(BatchError.prototype, "name", { value: "BatchError", configurable: true });

/**
 * True for a BatchError, also one made by another copy of this package or in another realm
 * (checked by name and shape, not by class identity).
 */
export function isBatchError(value: unknown): value is BatchError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { name?: unknown; kind?: unknown; message?: unknown };
  return (
    candidate.name === "BatchError" &&
    typeof candidate.kind === "string" &&
    typeof candidate.message === "string"
  );
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner =
      cause.cause instanceof Error ? ` (${cause.cause.name}: ${cause.cause.message})` : "";
    return `${cause.name}: ${cause.message}${inner}`;
  }
  return String(cause);
}

interface ParsedServiceError {
  code?: string | undefined;
  message?: string | undefined;
  values?: BatchErrorDetail[] | undefined;
}

/**
 * Reads `{ code, message: { lang, value }, values }` (or an `odata.error` wrapper) from a parsed
 * body; anything else (text that was not JSON) has none of them.
 */
export function parseServiceError(body: unknown): ParsedServiceError {
  if (typeof body !== "object" || body === null) return {};
  const outer = body as Record<string, unknown>;
  const error = (
    typeof outer["odata.error"] === "object" && outer["odata.error"] !== null
      ? outer["odata.error"]
      : outer
  ) as Record<string, unknown>;
  const code = typeof error.code === "string" ? error.code : undefined;
  const rawMessage = error.message;
  const message =
    typeof rawMessage === "string"
      ? rawMessage
      : typeof rawMessage === "object" &&
          rawMessage !== null &&
          typeof (rawMessage as { value?: unknown }).value === "string"
        ? (rawMessage as { value: string }).value
        : undefined;
  // Entries are checked (a string key, any value made a string) when a BatchError is made.
  const values = Array.isArray(error.values)
    ? (error.values as unknown[]).filter(
        (v): v is BatchErrorDetail => typeof v === "object" && v !== null,
      )
    : undefined;
  return { code, message, values };
}

/** The BatchError for a non-success answer of the service. */
export function serviceError(
  response: Response,
  body: unknown,
  info: { operation?: string | undefined; clientRequestId?: string | undefined; attempts?: number },
): BatchError {
  const parsed = parseServiceError(body);
  const text = typeof body === "string" ? body.trim() : "";
  const label = info.operation ?? "request";
  // The service's message; else its code, or the start of a body that was not its JSON.
  const detail = parsed.code ? ` (${parsed.code})` : text ? `: ${text.slice(0, 300)}` : "";
  const message = parsed.message ?? `${label} failed with HTTP ${response.status}${detail}`;
  return new BatchError({
    kind: "service",
    message,
    status: response.status,
    code: parsed.code,
    values: parsed.values,
    requestId: response.headers.get("request-id") ?? undefined,
    clientRequestId: response.headers.get("client-request-id") ?? info.clientRequestId,
    operation: info.operation,
    attempts: info.attempts,
  });
}

/** Who and what a pipeline error is about. */
export interface CallInfo {
  operation?: string | undefined;
  clientRequestId?: string | undefined;
  attempts?: number | undefined;
}

/** A BatchError of kind `client`: refused before anything was sent. */
export function clientError(
  code: string,
  message: string,
  operation?: string,
  cause?: unknown,
): BatchError {
  return new BatchError({ kind: "client", code, message, operation, cause });
}

/** The BatchError for a call the caller's AbortSignal stopped. */
export function abortedError(info: CallInfo, reason: unknown): BatchError {
  return new BatchError({
    kind: "aborted",
    message: `${info.operation ?? "request"} was aborted`,
    ...info,
    cause: reason,
  });
}
