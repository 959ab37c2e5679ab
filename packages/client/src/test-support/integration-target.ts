// Test-only: the client's integration targets. One shape, three ways to reach @batch/testing:
// in process (msw handlers on the global fetch), and over loopback to a real emulator with the
// global fetch or with the node:http transport. Every target records what reached the service
// (after authentication, before any fault), so tests can check the wire from the server's side.
import {
  type BatchService,
  batchHandlers,
  createBatchService,
  DEV_ACCOUNT_KEY,
  DEV_ACCOUNT_NAME,
  type OperationMiddleware,
  startEmulator,
} from "@batch/testing";
import type { SetupServerApi } from "msw/node";
import { type BatchClient, type BatchClientOptions, createBatchClient } from "../client.js";
import { SharedKeyCredential } from "../credentials/shared-key-credential.js";
import { createBatchClient as createNodeBatchClient } from "../node-client.js";
import type { FetchLike } from "../pipeline.js";
import { createNodeHttpFetch } from "../transport/node-http.js";

/** One request as the service's operation layer received it. */
export interface ReceivedCall {
  operation: string;
  method: string;
  url: URL;
  headers: Headers;
}

export interface TargetOptions {
  executor?: "manual" | "simulated";
  /** Accept bearer tokens for which this returns true (Shared Key keeps working). */
  bearer?: (token: string) => boolean;
  /** Runs inside the recorder, around each service call (fault injection). */
  faults?: OperationMiddleware;
}

export interface IntegrationTarget {
  readonly endpoint: string;
  readonly service: BatchService;
  /** Every call that reached an operation, in arrival order. */
  readonly received: ReceivedCall[];
  /** A client for this target, signed with the development key unless overridden. */
  client(overrides?: Partial<BatchClientOptions>): BatchClient;
  close(): Promise<void>;
}

export type TargetFactory = (options?: TargetOptions) => Promise<IntegrationTarget>;

function recorder(received: ReceivedCall[], inner: OperationMiddleware | undefined) {
  const middleware: OperationMiddleware = (call, next) => {
    received.push({
      operation: call.operation,
      method: call.request.method,
      url: new URL(call.request.url),
      headers: new Headers(call.request.headers),
    });
    return inner ? inner(call, next) : next();
  };
  return middleware;
}

function makeTarget(
  endpoint: string,
  service: BatchService,
  received: ReceivedCall[],
  transport: FetchLike | undefined,
  close: () => Promise<void>,
): IntegrationTarget {
  return {
    endpoint,
    service,
    received,
    // With a transport given, the Node entry's createBatchClient: the same client, with the
    // node:http transport's own deadlines when that is the transport.
    client: (overrides = {}) =>
      (transport ? createNodeBatchClient : createBatchClient)({
        endpoint,
        credential: new SharedKeyCredential(DEV_ACCOUNT_NAME, DEV_ACCOUNT_KEY),
        ...(transport ? { fetch: transport } : {}),
        ...overrides,
      }),
    close,
  };
}

let inProcessCount = 0;

/**
 * Targets served by msw handlers on `server` (already listening). Each target gets its own
 * origin, so several can share the one server.
 */
export function inProcessTargets(server: SetupServerApi): TargetFactory {
  return async (options = {}) => {
    inProcessCount += 1;
    const endpoint = `https://devaccount-${inProcessCount}.eastus.batch.test`;
    const service = createBatchService({
      baseUrl: endpoint,
      executor: options.executor ?? "manual",
    });
    const received: ReceivedCall[] = [];
    server.use(
      ...batchHandlers(service, {
        baseUrl: endpoint,
        auth: {
          accountName: DEV_ACCOUNT_NAME,
          accountKey: DEV_ACCOUNT_KEY,
          ...(options.bearer ? { bearer: options.bearer } : {}),
        },
        faults: recorder(received, options.faults),
      }),
    );
    return makeTarget(endpoint, service, received, undefined, async () => service.dispose());
  };
}

/** Targets behind a loopback emulator, reached with the global fetch or the node:http transport. */
export function loopbackTargets(transport: "fetch" | "node-http"): TargetFactory {
  return async (options = {}) => {
    const received: ReceivedCall[] = [];
    const emulator = await startEmulator({
      host: "127.0.0.1",
      port: 0,
      executor: options.executor ?? "manual",
      faults: recorder(received, options.faults),
      ...(options.bearer ? { bearer: options.bearer } : {}),
    });
    const nodeFetch = transport === "node-http" ? createNodeHttpFetch() : undefined;
    return makeTarget(emulator.url, emulator.service, received, nodeFetch, async () => {
      nodeFetch?.close();
      await emulator.close();
    });
  };
}
