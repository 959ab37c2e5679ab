// The hook point around each service call, for layers that change what happens on the wire
// without touching the rules: fault injection (errors, latency, dropped connections before or
// after the change is applied, per-task server errors) plugs in here. A middleware gets the
// parsed call and `next`, which runs the service call and builds its response; it may change
// `call.body` before calling `next`, skip `next` and answer itself, or replace the response
// (`Response.error()` makes the emulator drop the connection).

import type { OperationId } from "@batch/types";
import type { ConditionalHeaders } from "../service/conditions.js";
import type { RouteParams } from "./routes.js";

export interface OperationCall {
  readonly operation: OperationId;
  readonly request: Request;
  readonly requestId: string;
  readonly params: RouteParams;
  readonly query: ReadonlyMap<string, string>;
  /**
   * If-Match and friends, for the operations that take them (Route.conditional); undefined for
   * the others, which ignore those headers as the service does.
   */
  readonly conditions: ConditionalHeaders | undefined;
  /** The parsed JSON body (undefined when there is none); may be replaced before `next`. */
  body: unknown;
}

export type OperationMiddleware = (
  call: OperationCall,
  next: () => Promise<Response>,
) => Response | Promise<Response>;
