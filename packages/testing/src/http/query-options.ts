// Query parameters the handlers parse before calling the service: integers (timeout,
// maxresults), booleans (force) and the conditional headers of an operation.

import type { ConditionalHeaders } from "../service/conditions.js";
import { invalidQueryParameter } from "./http-error.js";
import type { RequestContext } from "./request-context.js";

const INTEGER = /^[+-]?\d{1,10}$/;

export function integerParameter(ctx: RequestContext, name: string): number | undefined {
  const text = ctx.query.get(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!INTEGER.test(text.trim()) || value > 2147483647 || value < -2147483648) {
    throw invalidQueryParameter(name, text, "The value must be an integer.");
  }
  return value;
}

export function booleanParameter(ctx: RequestContext, name: string): boolean | undefined {
  const text = ctx.query.get(name);
  if (text === undefined) return undefined;
  const lower = text.trim().toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  throw invalidQueryParameter(name, text, "The value must be true or false.");
}

export function conditionalHeaders(request: Request): ConditionalHeaders {
  const get = (name: string) => request.headers.get(name) ?? undefined;
  return {
    ifMatch: get("if-match"),
    ifNoneMatch: get("if-none-match"),
    ifModifiedSince: get("if-modified-since"),
    ifUnmodifiedSince: get("if-unmodified-since"),
  };
}
