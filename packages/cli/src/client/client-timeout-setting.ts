// The client's own deadline for each attempt of a request (the service's `timeout` bounds only
// its processing): --client-timeout, else BATCH_CLIENT_TIMEOUT, else the service timeout the
// command asked for plus a margin for the trip, else the client's default (130 s). An endpoint
// that accepts a connection and never answers is given up on after this long per attempt.
import { numberRules, parseNumberSetting } from "../commands/number-flag.js";

/** Seconds added to a request's service timeout for the network and the answer's body. */
export const serviceTimeoutMarginSeconds = 10;

/** Milliseconds per attempt (0: none), or undefined for the client's default. */
export function clientTimeoutMs(
  flag: number | undefined,
  env: NodeJS.ProcessEnv,
  serviceTimeoutSeconds: number | undefined,
): number | undefined {
  const fromEnv = env.BATCH_CLIENT_TIMEOUT;
  const seconds =
    flag ??
    (fromEnv === undefined || fromEnv === ""
      ? undefined
      : parseNumberSetting("BATCH_CLIENT_TIMEOUT", fromEnv, numberRules.clientTimeout));
  if (seconds !== undefined) return seconds * 1000;
  if (serviceTimeoutSeconds === undefined) return undefined;
  return (serviceTimeoutSeconds + serviceTimeoutMarginSeconds) * 1000;
}
