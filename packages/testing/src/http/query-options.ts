// Query parameters the handlers parse before calling the service: integers (timeout,
// maxresults) and booleans (force).

import { invalidQueryParameterValue } from "../service/error-catalog.js";
import type { RequestContext } from "./request-context.js";

const INTEGER = /^[+-]?\d{1,10}$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function integerParameter(ctx: RequestContext, name: string): number | undefined {
  const text = ctx.query.get(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!INTEGER.test(text.trim()) || value > INT32_MAX || value < INT32_MIN) {
    throw invalidQueryParameterValue(name, text, "The value must be an integer.");
  }
  return value;
}

export function booleanParameter(ctx: RequestContext, name: string): boolean | undefined {
  const text = ctx.query.get(name);
  if (text === undefined) return undefined;
  const lower = text.trim().toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  throw invalidQueryParameterValue(name, text, "The value must be true or false.");
}
