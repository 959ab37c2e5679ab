// The conditional headers of a request (If-Match, If-None-Match, If-Modified-Since,
// If-Unmodified-Since), read as the service's rules take them.

import type { ConditionalHeaders } from "../service/conditions.js";

export function conditionalHeaders(request: Request): ConditionalHeaders {
  const get = (name: string) => request.headers.get(name) ?? undefined;
  return {
    ifMatch: get("if-match"),
    ifNoneMatch: get("if-none-match"),
    ifModifiedSince: get("if-modified-since"),
    ifUnmodifiedSince: get("if-unmodified-since"),
  };
}
