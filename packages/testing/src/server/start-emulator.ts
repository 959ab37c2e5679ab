// startEmulator: a Batch account on a local port. A node:http server in front of the same msw
// handlers the in-process tests use, over a service with the simulated executor by default,
// checking Shared Key signatures of the development account unless told otherwise.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RequestHandler } from "msw";
import type { AuthOptions } from "../auth/authenticate.js";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "../dev-account.js";
import type { FaultInjector } from "../faults/fault-injector.js";
import { type FaultOption, resolveFaultOption } from "../faults/fault-option.js";
import { batchHandlers } from "../http/batch-handlers.js";
import {
  type BatchService,
  type BatchServiceOptions,
  createBatchService,
  type ExecutorChoice,
} from "../service/batch-service.js";
import { DEFAULT_LIMITS } from "../service/service-limits.js";
import { answerClientError } from "./client-error.js";
import { createRequestListener } from "./node-bridge.js";

export interface EmulatorOptions {
  /** Interface to listen on (127.0.0.1). */
  host?: string;
  /** Port, or 0 for any free one (the default). */
  port?: number;
  account?: string;
  /** Base64 account key; the public development key by default. */
  key?: string;
  /** "simulated" (the default) or "manual", or an executor of your own. */
  executor?: ExecutorChoice;
  /**
   * Fault injection: the seeded injector's settings (`{ rate, seed, kinds, operations... }`), an
   * injector from `createFaultInjector`, or an operation middleware of your own.
   */
  faults?: FaultOption;
  /** Also accept bearer tokens: any (true) or those the function accepts. */
  bearer?: AuthOptions["bearer"];
  /** More options for the service (clock, limits, job transition delay...). */
  service?: Omit<BatchServiceOptions, "executor" | "accountName" | "baseUrl">;
}

export interface Emulator {
  /** http://host:port, the account endpoint to give clients. */
  url: string;
  account: string;
  key: string;
  /** The service behind the endpoint, for test controls (startTask, completeTask...). */
  service: BatchService;
  /** The fault injector, with its log (`faults.stats()`, `faults.events()`), when one runs. */
  faults: FaultInjector | undefined;
  /** Stops listening, closes connections and stops the executor. */
  close(): Promise<void>;
}

function formatHost(address: AddressInfo): string {
  return address.family === "IPv6" ? `[${address.address}]` : address.address;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const account = options.account ?? DEV_ACCOUNT_NAME;
  const key = options.key ?? DEV_ACCOUNT_KEY;
  let handlers: readonly RequestHandler[] = [];
  let service: BatchService | undefined;
  let hostAndPort = host;
  // Resolved before anything listens, so bad fault settings fail the start.
  const { injector, middleware: faults } = resolveFaultOption(options.faults, {
    maxTasksPerCollection:
      options.service?.limits?.maxTasksPerCollection ?? DEFAULT_LIMITS.maxTasksPerCollection,
  });

  const server = createServer(
    createRequestListener({
      handlers: () => handlers,
      maxBodyBytes: () => service?.limits.maxRequestBodyBytes ?? DEFAULT_LIMITS.maxRequestBodyBytes,
      fallbackHost: () => hostAndPort,
    }),
  );
  server.on(
    "clientError",
    answerClientError(() => `http://${hostAndPort}`),
  );

  const address = await listen(server, options.port ?? 0, host);
  hostAndPort = `${formatHost(address)}:${address.port}`;
  const url = `http://${hostAndPort}`;
  const created = createBatchService({
    ...options.service,
    accountName: account,
    baseUrl: url,
    executor: options.executor ?? "simulated",
  });
  service = created;
  handlers = batchHandlers(created, {
    auth: {
      accountName: account,
      accountKey: key,
      ...(options.bearer !== undefined && { bearer: options.bearer }),
    },
    ...(faults && { faults }),
  });

  let closing: Promise<void> | undefined;
  return {
    url,
    account,
    key,
    service: created,
    faults: injector,
    close() {
      closing ??= new Promise<void>((resolve) => {
        created.dispose();
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still in flight get a moment to finish, then their sockets go too.
        const force = setTimeout(() => server.closeAllConnections(), 1000);
        force.unref();
      });
      return closing;
    },
  };
}
