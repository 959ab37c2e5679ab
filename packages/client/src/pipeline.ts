// The fetch pipeline every request of the client goes through: the step types, the per-call
// context, and the one place where the middleware is put in order.
//
// The typed operations hand the pipeline a light request (method, URL, headers) built directly;
// `client.raw` (openapi-fetch) hands it a finished `Request`, which has the same three fields.
// openapi-fetch's own middleware cannot send a request twice, so retries, per-attempt timeouts
// and signing live here, in an onion of `(request, next)` steps.
import type { OperationId } from "@batch/types";
import type { HeaderBag } from "./request-headers.js";

/** Anything shaped like the global `fetch`: the transport at the centre of the pipeline. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** What the pipeline learns about one logical call; the operations read it back afterwards. */
export interface CallRecord {
  /** HTTP attempts made so far (1 when the first answer was final). */
  attempts: number;
  /**
   * Attempts, before the last one, whose outcome is unknown: no answer, a timeout, 408 or 5xx.
   * Non-zero means the service may already have applied the request once.
   */
  uncertainAttempts: number;
  /** The `client-request-id` sent with every attempt of this call. */
  clientRequestId: string | undefined;
  /**
   * Set by the bearer step when the service answered 401 to a cached token, which it has now
   * dropped: the retry step sends once more at once (counted against its budget) with a new one.
   */
  tokenRefused?: boolean;
}

/** Per-call state handed from step to step. Steps pass a changed copy to `next`, never mutate it. */
export interface CallContext {
  /** The operationId (e.g. "Task_Get"), or undefined for raw calls. */
  readonly operation: OperationId | undefined;
  /** The caller's signal: aborts the whole call, every attempt and every backoff sleep. */
  readonly signal: AbortSignal | undefined;
  /** A signal for the current attempt only (set by the timeout step); falls back to `signal`. */
  readonly attemptSignal: AbortSignal | undefined;
  /**
   * The request body, read once so that every attempt can send it again. Steps read the body
   * from here, not from `request.body` (a stream that can be consumed only once).
   */
  readonly body: string | Uint8Array<ArrayBuffer> | undefined;
  /** 1 for the first attempt, 2 for the first retry... */
  readonly attempt: number;
  readonly record: CallRecord;
}

/**
 * What a step sees of a request. A `Request` is one; the typed operations pass a plain object,
 * which costs far less to make than a `Request` (the body travels in the context).
 */
export interface PipelineRequest {
  readonly method: string;
  /** The absolute URL, as it goes on the wire. */
  readonly url: string;
  /** Mutable: steps set their headers here (a `Headers`, or the operations' `RequestHeaders`). */
  readonly headers: HeaderBag;
}

export type Next = (request: PipelineRequest, context: CallContext) => Promise<Response>;

/** One middleware: look at or change the request, call `next` (any number of times), return a Response. */
export type PipelineStep = (
  request: PipelineRequest,
  next: Next,
  context: CallContext,
) => Promise<Response>;

/** Per-call inputs for `Pipeline.send`. */
export interface SendOptions {
  operation?: OperationId | undefined;
  signal?: AbortSignal | undefined;
  /** The serialized body when the caller already has it; otherwise the request's body is read once. */
  body?: string | undefined;
  record?: CallRecord | undefined;
}

export interface Pipeline {
  /** Sends a request; a `Request`'s body is read once here unless `options.body` is given. */
  send(request: PipelineRequest | Request, options?: SendOptions): Promise<Response>;
}

const textEncoder = new TextEncoder();

/**
 * A `Request` whose body is still to be read. Checked on the value rather than with
 * `instanceof Request`: on Node the first touch of the global Request loads the whole fetch
 * implementation, which the typed operations (plain requests) never need.
 */
function isRequestWithBody(request: PipelineRequest | Request): request is Request {
  return (
    typeof (request as Request).arrayBuffer === "function" && (request as Request).body !== null
  );
}

export function newCallRecord(): CallRecord {
  return { attempts: 0, uncertainAttempts: 0, clientRequestId: undefined };
}

/** Nests `steps` around `transport`: the first step is the outermost. */
export function composeSteps(steps: readonly PipelineStep[], transport: Next): Next {
  let next = transport;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    const inner = next;
    next = (request, context) => step(request, inner, context);
  }
  return next;
}

/**
 * Builds the pipeline. The order is the contract, outermost first:
 *
 *   headers  once per call: api-version, client-request-id (kept across retries), user-agent,
 *            content type
 *   retry    attempts with backoff, Retry-After, budgets; records uncertain attempts
 *   timeout  a client-side deadline for each attempt
 *   auth     Shared Key (a fresh ocp-date and signature per attempt) or a bearer token
 *   logging  what goes on the wire and what comes back, redacted by allow-list
 *   transport  the injected fetch
 */
export function createPipeline(parts: {
  headers: PipelineStep;
  retry: PipelineStep;
  timeout: PipelineStep;
  auth: PipelineStep | undefined;
  logging: PipelineStep | undefined;
  transport: Next;
}): Pipeline {
  const steps = [parts.headers, parts.retry, parts.timeout, parts.auth, parts.logging].filter(
    (step): step is PipelineStep => step !== undefined,
  );
  const run = composeSteps(steps, parts.transport);
  return {
    async send(request, options = {}) {
      let body: Uint8Array<ArrayBuffer> | undefined;
      if (options.body !== undefined) {
        // Encoded once: every attempt sends these bytes, and signing reads their length.
        body = options.body === "" ? undefined : textEncoder.encode(options.body);
      } else if (isRequestWithBody(request)) {
        const bytes = new Uint8Array(await request.arrayBuffer());
        body = bytes.byteLength > 0 ? bytes : undefined;
      }
      return run(request, {
        operation: options.operation,
        signal: options.signal ?? undefined,
        attemptSignal: undefined,
        body,
        attempt: 1,
        record: options.record ?? newCallRecord(),
      });
    },
  };
}
