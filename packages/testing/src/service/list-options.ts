// The OData query options of get and list calls, turned into what the rules need (a
// predicate, the selected properties, whether to expand stats, a page size and a resume
// point), with the service's 400 errors for bad values.

import { compileFilter, FilterError, type FilterFields } from "../odata/filter-compiler.js";
import { FilterSyntaxError } from "../odata/filter-parser.js";
import { parseExpand, parseSelect, SelectError } from "../odata/select.js";
import { invalidQueryParameterValue, outOfRangeQueryParameterValue } from "./error-catalog.js";

export function compileFilterOption<T>(
  text: string | undefined,
  fields: FilterFields<T>,
): ((item: T) => boolean) | undefined {
  if (text === undefined || text === "") return undefined;
  try {
    return compileFilter(text, fields);
  } catch (error) {
    if (error instanceof FilterSyntaxError || error instanceof FilterError) {
      const reason = error instanceof FilterError ? error.reason : error.message;
      throw invalidQueryParameterValue("$filter", text, reason);
    }
    throw error;
  }
}

export function selectOption(
  text: string | undefined,
  allowed: readonly string[],
): string[] | undefined {
  if (text === undefined || text === "") return undefined;
  try {
    return parseSelect(text, allowed);
  } catch (error) {
    if (error instanceof SelectError) {
      throw invalidQueryParameterValue(error.parameter, text, error.reason);
    }
    throw error;
  }
}

export function expandStatsOption(text: string | undefined): boolean {
  if (text === undefined || text === "") return false;
  try {
    return parseExpand(text).stats;
  } catch (error) {
    if (error instanceof SelectError) {
      throw invalidQueryParameterValue(error.parameter, text, error.reason);
    }
    throw error;
  }
}

export function pageSizeOption(maxResults: number | undefined, limit: number): number {
  if (maxResults === undefined) return limit;
  if (!Number.isInteger(maxResults)) {
    throw invalidQueryParameterValue(
      "maxresults",
      String(maxResults),
      "The value must be an integer.",
    );
  }
  if (maxResults < 1 || maxResults > limit) {
    throw outOfRangeQueryParameterValue("maxresults", String(maxResults), 1, limit);
  }
  return maxResults;
}

// Skip tokens name the list they belong to and the last sequence number returned, so a page
// resumes with a binary search, and tasks added meanwhile appear later, never twice.
export function encodeSkipToken(kind: "tasks" | "jobs", lastSeq: number): string {
  return Buffer.from(`${kind}:${lastSeq}`, "utf8").toString("base64url");
}

export function decodeSkipToken(kind: "tasks" | "jobs", token: string | undefined): number {
  if (token === undefined) return 0;
  const text = /^[A-Za-z0-9_-]+$/.test(token)
    ? Buffer.from(token, "base64url").toString("utf8")
    : "";
  const match = /^(tasks|jobs):(\d{1,15})$/.exec(text);
  if (!match || match[1] !== kind) {
    throw invalidQueryParameterValue(
      "$skiptoken",
      token,
      "The skip token is not valid; use the odata.nextLink of the previous page as it is.",
    );
  }
  return Number(match[2]);
}
