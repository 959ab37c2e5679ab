// Runs one operation's request through the pipeline, and turns the answer into a result:
// data plus meta on success, a NotModified marker on 304, a reconciled write when an error code
// proves our own earlier attempt went through, and a BatchError for everything else.
import type { OperationId } from "@batch/types";
import { BatchError, isBatchError, serviceError } from "../errors.js";
import {
  type CallRecord,
  newCallRecord,
  type Pipeline,
  type PipelineRequest,
} from "../pipeline.js";
import { jsonBody } from "./json-body.js";
import { type ResponseMeta, readMeta, type WithMeta } from "./response-meta.js";
import { bodyWithMeta, type OkBody, type WriteResult, writeResult } from "./results.js";

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
  /**
   * A successful answer must carry a JSON object (get, list, counts, add-collection): an empty
   * body, or JSON that is not an object, is a service error rather than an empty result.
   */
  expectBody?: boolean;
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
      /** Undefined for a reconciled write (and an answer without a body). */
      data?: unknown;
      /**
       * With `keepBody`, the bytes `data` was parsed from (undefined without a body): a caller
       * that must keep an answer keeps these, outside the JS heap, rather than the parsed objects.
       */
      body?: Uint8Array | undefined;
      meta: ResponseMeta;
      reconciled: boolean;
    }
  | { kind: "notModified"; meta: ResponseMeta; data?: undefined; body?: undefined };

export async function invoke(
  context: OperationContext,
  options: InvokeOptions,
  request: PipelineRequest,
): Promise<Invocation> {
  const record = newCallRecord();
  let answer: RawAnswer;
  let status: number | undefined;
  try {
    const response = await context.pipeline.send(request, {
      operation: options.operation,
      signal: options.signal,
      body: options.body,
      record,
    });
    status = response.status;
    answer = await readAnswer(response, options.keepBody);
  } catch (error) {
    if (isBatchError(error) || !(error instanceof SyntaxError)) throw error;
    throw invalidAnswer(
      options.operation,
      record,
      status,
      "InvalidResponseBody",
      "not valid JSON",
      error,
    );
  }
  const { response } = answer;
  const meta = readMeta(response, record);
  if (response.ok) {
    const { data } = answer;
    if (options.expectBody && (typeof data !== "object" || data === null)) {
      throw invalidAnswer(
        options.operation,
        record,
        response.status,
        data === undefined ? "EmptyResponseBody" : "InvalidResponseBody",
        data === undefined ? "empty" : "not a JSON object",
      );
    }
    return { kind: "ok", data, body: answer.body, meta, reconciled: false };
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
    return { kind: "ok", meta, reconciled: true };
  }
  throw error;
}

/**
 * Runs a write whose answer has no body (`reconcile` as in `InvokeOptions`); `body`, when
 * given, is sent as JSON.
 */
export async function invokeWrite(
  context: OperationContext,
  operation: OperationId,
  reconcile: readonly string[] | undefined,
  options: { signal?: AbortSignal | undefined },
  request: PipelineRequest,
  body?: object,
): Promise<WriteResult> {
  const json = body && jsonBody(body, operation);
  const invocation = await invoke(
    context,
    { operation, signal: options.signal, body: json, reconcile },
    request,
  );
  return writeResult(invocation);
}

/** A read with a body: the spec's 200 body with its meta, or NotModified on 304. */
export async function invokeRead<Op extends OperationId>(
  context: OperationContext,
  operation: Op,
  options: { signal?: AbortSignal | undefined },
  request: PipelineRequest,
): Promise<WithMeta<OkBody<Op>> | NotModified> {
  const invocation = await invoke(
    context,
    { operation, signal: options.signal, expectBody: true },
    request,
  );
  return invocation.kind === "notModified"
    ? { notModified: true, meta: invocation.meta }
    : bodyWithMeta<Op>(invocation);
}

/** A success status whose body is not what the operation returns. */
function invalidAnswer(
  operation: OperationId,
  record: CallRecord,
  status: number | undefined,
  code: "InvalidResponseBody" | "EmptyResponseBody",
  what: string,
  cause?: unknown,
): BatchError {
  return new BatchError({
    kind: "service",
    code,
    status,
    message: `${operation}: the service answered HTTP ${status ?? "?"} with a body that is ${what}`,
    operation,
    clientRequestId: record.clientRequestId,
    attempts: record.attempts,
    cause,
  });
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
