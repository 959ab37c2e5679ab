// The `faults` option of batchHandlers and startEmulator, in its three forms: an operation
// middleware of your own, the settings of the seeded injector, or an injector you made (to
// read its log). Resolved here into the middleware to run and the injector to expose.

import type { OperationMiddleware } from "../http/operation-middleware.js";
import {
  createFaultInjector,
  type FaultInjector,
  type FaultInjectorContext,
} from "./fault-injector.js";
import type { FaultOptions } from "./fault-options.js";

export type FaultOption = OperationMiddleware | FaultOptions | FaultInjector;

export function isFaultInjector(option: unknown): option is FaultInjector {
  return (
    typeof option === "object" &&
    option !== null &&
    typeof (option as FaultInjector).middleware === "function" &&
    typeof (option as FaultInjector).stats === "function"
  );
}

export function resolveFaultOption(
  option: FaultOption | undefined,
  context: FaultInjectorContext = {},
): { middleware: OperationMiddleware | undefined; injector: FaultInjector | undefined } {
  if (option === undefined) return { middleware: undefined, injector: undefined };
  if (typeof option === "function") return { middleware: option, injector: undefined };
  const injector = isFaultInjector(option) ? option : createFaultInjector(option, context);
  return { middleware: injector.middleware, injector };
}
