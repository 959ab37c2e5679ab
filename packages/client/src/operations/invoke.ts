// Runs one operation's request through the pipeline, and turns the answer into a result:
// data plus meta on success, a NotModified marker on 304, a reconciled write when an error code
// proves our own earlier attempt went through, and a BatchError for everything else.
import type { OperationId } from "@batch/types";
import { BatchError, isBatchError, serviceError } from "../errors.js";
import { newCallRecord, type Pipeline, type PipelineRequest } from "../pipeline.js";
import { type ResponseMeta, readMeta } from "./response-meta.js";

/** What every operation needs from the client. */
export interface OperationContext {
  readonly pipeline: Pipeline;
  readonly apiVersion: string;
  /** The endpoint without a trailing slash; operation paths are appended to it. */
  readonly baseUrl: string;
  /** Origin of the endpoint; nextLinks must stay on it. */
  readonly origin: string;
}

/** The answer to a conditional GET whose condition did not hold (HTTP 304). */
export interface NotModified {
  readonly notModified: true;
  readonly meta: ResponseMeta;
}

export function isNotModified(value: unknown): value is NotModified {
  return typeof value === "object" && value !== null && (value as NotModified).notModified === true;
}

export interface InvokeOptions {
  operation: OperationId;
  signal?: AbortSignal | undefined;
  /** The serialized request body. */
  body?: string | undefined;
  /**
   * Error codes that, once an earlier attempt's outcome was unknown, mean that attempt did the
   * work (e.g. TaskExists for Task_Add). The call then succeeds with `reconciled: true`.
   */
  reconcile?: readonly string[];
  /** Also return a successful answer's body as bytes (see `Invocation`). */
  keepBody?: boolean;
}

export interface RawAnswer {
  data?: unknown;
  error?: unknown;
  /** A successful answer's body, when asked for with `keepBody`. */
  body?: Uint8Array | undefined;
  response: Response;
}

export type Invocation =
  | {
      kind: "ok";
      data: unknown;
      /**
       * With `keepBody`, the bytes `data` was parsed from (undefined without a body): a caller
       * that must keep an answer keeps these, outside the JS heap, rather than the parsed objects.
       */
      body: Uint8Array | undefined;
      meta: ResponseMeta;
      reconciled: boolean;
    }
  | { kind: "notModified"; meta: ResponseMeta };

export async function invoke(
  context: OperationContext,
  options: InvokeOptions,
  request: PipelineRequest,
): Promise<Invocation> {
  const record = newCallRecord();
  let answer: RawAnswer;
  try {
    const response = await context.pipeline.send(request, {
      operation: options.operation,
      signal: options.signal,
      body: options.body,
      record,
    });
    answer = await readAnswer(response, options.keepBody);
  } catch (error) {
    if (isBatchError(error) || !(error instanceof SyntaxError)) throw error;
    throw new BatchError({
      kind: "service",
      code: "InvalidResponseBody",
      message: `${options.operation}: the service answered with a body that is not valid JSON`,
      operation: options.operation,
      clientRequestId: record.clientRequestId,
      attempts: record.attempts,
      cause: error,
    });
  }
  const { response } = answer;
  const meta = readMeta(response, record);
  if (response.ok) {
    return { kind: "ok", data: answer.data, body: answer.body, meta, reconciled: false };
  }
  if (response.status === 304) return { kind: "notModified", meta };
  const error = serviceError(response, answer.error, {
    operation: options.operation,
    clientRequestId: record.clientRequestId,
    attempts: record.attempts,
  });
  if (
    error.code !== undefined &&
    options.reconcile?.includes(error.code) &&
    record.uncertainAttempts > 0
  ) {
    return { kind: "ok", data: undefined, body: undefined, meta, reconciled: true };
  }
  throw error;
}

const utf8 = new TextDecoder();

/**
 * Reads an answer's body: JSON on success (none for 204, 304 or an empty body), else JSON or
 * text. With `keepBody`, a successful answer's bytes are returned too.
 */
export async function readAnswer(response: Response, keepBody = false): Promise<RawAnswer> {
  const empty =
    response.status === 204 ||
    response.status === 304 ||
    response.headers.get("content-length") === "0";
  if (keepBody && response.ok && !empty) {
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.byteLength === 0) return { data: undefined, response };
    return { data: JSON.parse(utf8.decode(body)), body, response };
  }
  const text = empty ? "" : await response.text();
  if (response.ok) return { data: text === "" ? undefined : JSON.parse(text), response };
  let error: unknown = text;
  try {
    error = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { error, response };
}
