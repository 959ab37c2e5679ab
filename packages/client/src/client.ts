// createBatchClient: validates the options, builds the pipeline and the openapi-fetch client on
// top of it, and hands both to the task and job operations.
import { apiVersion as specApiVersion } from "@batch/types";
import createClient, { type Client } from "openapi-fetch";
import type {
  SharedKeyCredential,
  SharedKeyCredentialLike,
} from "./credentials/shared-key-credential.js";
import { isTokenCredential, type TokenCredential } from "./credentials/token-credential.js";
import { bearerTokenMiddleware } from "./middleware/bearer-token.js";
import { buildUserAgent, headersMiddleware, type UserAgentOption } from "./middleware/headers.js";
import { type Logger, loggingMiddleware } from "./middleware/logging.js";
import { type RetryOptions, retryMiddleware } from "./middleware/retry.js";
import { sharedKeyMiddleware } from "./middleware/shared-key.js";
import { defaultTimeoutMs, timeoutMiddleware } from "./middleware/timeout.js";
import { transportStep } from "./middleware/transport.js";
import { numberOption } from "./number-option.js";
import type { OperationContext } from "./operations/invoke.js";
import { createJobOperations, type JobOperations } from "./operations/jobs.js";
import { createTaskOperations, type TaskOperations } from "./operations/tasks.js";
import { createPipeline, type FetchLike, type Pipeline, type PipelineStep } from "./pipeline.js";
import type { RawPaths } from "./raw-paths.js";
import type { StartDeadline } from "./transport/starts-deadlines.js";

export interface BatchClientOptions {
  /** The account URL, e.g. "https://myaccount.westeurope.batch.azure.com" (https:// is assumed). */
  endpoint: string;
  /**
   * Shared Key (a SharedKeyCredential, also one from another copy of this package), or any
   * `getToken(scopes)` credential such as @azure/identity's.
   */
  credential: SharedKeyCredential | SharedKeyCredentialLike | TokenCredential;
  /** The api-version sent with every call (default: the one @batch/types was generated from). */
  apiVersion?: string;
  /** Retry settings, or false for a single attempt. */
  retry?: RetryOptions | false;
  /**
   * Client-side deadline for each attempt, body included, in milliseconds (default 130,000);
   * 0 or Infinity: none. Separate from the service's own `timeout` parameter (at most 30 s, or
   * 120 s for add-collection, whose default it also is: the deadline outlasts it).
   */
  timeoutMs?: number;
  /**
   * The transport. Default: on Node (the package's `node` export condition), the shared
   * keep-alive node:http transport of `@batch/client/node-http`; elsewhere the global fetch.
   */
  fetch?: FetchLike;
  /** Words put before the client's user-agent, or `{ prefix, suffix }`. */
  userAgent?: UserAgentOption;
  /** Receives one line per request and response, redacted. */
  logger?: Logger;
  /** Ask the service to echo client-request-id on every call. */
  returnClientRequestId?: boolean;
}

export interface BatchClient {
  readonly tasks: TaskOperations;
  readonly jobs: JobOperations;
  /**
   * The openapi-fetch client typed with the spec's paths, running over the same pipeline.
   * `api-version` is optional: the client's `apiVersion` is added when the query has none, and
   * one given in `query` is sent as it is (it wins).
   */
  readonly raw: Client<RawPaths>;
  /** The pipeline itself, for requests the typed client cannot express (e.g. a stored nextLink). */
  readonly pipeline: Pipeline;
}

export function createBatchClient(options: BatchClientOptions): BatchClient {
  return createClientWith(options, undefined);
}

/**
 * `createBatchClient` with how attempts' deadlines start. The Node entry passes the node:http
 * transport's lighter one (transport/light-deadline.ts); the main entry, which browsers get,
 * keeps the AbortController one and carries no node-only code.
 */
export function createClientWith(
  options: BatchClientOptions,
  startDeadline: StartDeadline | undefined,
): BatchClient {
  const endpoint = normalizeEndpoint(options.endpoint);
  const credential = options.credential as Partial<SharedKeyCredentialLike> | TokenCredential;
  let auth: PipelineStep;
  // By shape, not class: a SharedKeyCredential from another copy of the package signs as well.
  if (typeof (credential as Partial<SharedKeyCredentialLike>)?.computeSignature === "function") {
    auth = sharedKeyMiddleware(credential as SharedKeyCredentialLike);
  } else if (isTokenCredential(credential)) auth = bearerTokenMiddleware(credential);
  else {
    throw new TypeError(
      "createBatchClient: credential must be a SharedKeyCredential or have getToken(scopes)",
    );
  }
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const apiVersion = options.apiVersion ?? specApiVersion;
  const pipeline = createPipeline({
    headers: headersMiddleware({
      apiVersion,
      userAgent: buildUserAgent(options.userAgent),
      returnClientRequestId: options.returnClientRequestId,
    }),
    retry: retryMiddleware(options.retry === false ? { maxRetries: 0 } : options.retry),
    timeout: timeoutMiddleware({
      timeoutMs: numberOption(options, "timeoutMs", defaultTimeoutMs),
      start: startDeadline,
    }),
    auth,
    logging: options.logger ? loggingMiddleware(options.logger) : undefined,
    transport: transportStep(fetchImpl),
  });
  const baseUrl = endpoint.href.replace(/\/+$/, "");
  const context: OperationContext = { pipeline, apiVersion, baseUrl, origin: endpoint.origin };
  // Made on first use: openapi-fetch reads the global Request when a client is created, which on
  // Node loads the whole fetch implementation (~50 ms, ~9 MiB) that the typed operations never
  // need.
  let raw: Client<RawPaths> | undefined;
  return {
    tasks: createTaskOperations(context),
    jobs: createJobOperations(context),
    get raw() {
      raw ??= createClient<RawPaths>({
        baseUrl,
        // Raw calls carry their signal on the Request; operations pass theirs per call instead.
        fetch: (request) => pipeline.send(request, { signal: request.signal }),
      });
      return raw;
    },
    pipeline,
  };
}

function normalizeEndpoint(endpoint: string): URL {
  let url: URL | undefined;
  if (typeof endpoint === "string" && endpoint.trim() !== "") {
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`);
    } catch {
      // not a URL: refused below
    }
  }
  if (
    url === undefined ||
    !/^https?:$/.test(url.protocol) ||
    url.search !== "" ||
    url.hash !== ""
  ) {
    throw new TypeError(
      `createBatchClient: endpoint must be the account's http:// or https:// URL, without a query or fragment (got ${JSON.stringify(endpoint)})`,
    );
  }
  return url;
}
