// The odata.nextLink of a list page: absolute, on the origin the client used, with the
// api-version it sent (az follows the link as it is), the list's own query options and the
// skip token. Empty values are left out: Python and JavaScript clients sign them differently.

import type { RequestContext } from "./request-context.js";

const CARRIED = ["api-version", "$filter", "$select", "$expand", "maxresults"] as const;

// Stricter than encodeURIComponent: also ' ( ) * !, so nothing needs re-encoding by a client.
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function buildNextLink(ctx: RequestContext, skipToken: string): string {
  const parts: string[] = [];
  for (const name of CARRIED) {
    const value = ctx.query.get(name);
    if (value !== undefined && value !== "") parts.push(`${name}=${encodeValue(value)}`);
  }
  parts.push(`$skiptoken=${encodeValue(skipToken)}`);
  return `${ctx.origin}${ctx.rawPath}?${parts.join("&")}`;
}
