// The emulator's `faults` option: either a ready operation middleware, or the settings of the
// seeded fault injector (`--fault-rate`, `--fault-seed`). The injector itself is a separate
// layer that plugs into the handlers' middleware hook; until it is installed, settings are
// accepted and carried through here but inject nothing.

import type { OperationMiddleware } from "../http/operation-middleware.js";

export interface FaultSettings {
  /** Share of requests that fail, 0..1. */
  rate?: number;
  /** Seed that makes the faults reproducible. */
  seed?: number;
}

export type FaultOption = OperationMiddleware | FaultSettings;

/** The middleware that realizes a `faults` option, if any. */
export function faultMiddlewareFrom(
  faults: FaultOption | undefined,
): OperationMiddleware | undefined {
  return typeof faults === "function" ? faults : undefined;
}
