// A mark a fetch implementation can carry to hand the pipeline its own way of starting an
// attempt's deadline. The default deadline is an AbortController per attempt; on Node, making
// its AbortSignal and adding a listener to it cost more CPU than the rest of the pipeline's work
// on a loopback get, and its signals made the garbage collector's work heavier. The node:http
// transport, which is the only reader of the attempt's signal besides the pipeline's own steps,
// carries a lighter one (see light-deadline.ts). Registered with Symbol.for, so the mark is
// recognised across copies of the package.
import type { startDeadline } from "../timers.js";

export type StartDeadline = typeof startDeadline;

export const startsDeadlines: unique symbol = Symbol.for("@batch/client:starts-deadlines") as never;

/** The deadline starter `fetchImpl` carries, if any. */
export function deadlineStarterOf(fetchImpl: object): StartDeadline | undefined {
  const start = (fetchImpl as { [startsDeadlines]?: unknown })[startsDeadlines];
  return typeof start === "function" ? (start as StartDeadline) : undefined;
}
