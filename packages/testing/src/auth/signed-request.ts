// Builds a SignedRequest from what an HTTP server or an msw handler has in hand: the method,
// the request target (as received, or an absolute URL) and the headers.

import type { SignedRequest } from "./shared-key.js";

export type HeaderSource =
  | Headers
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

function headerMap(headers: HeaderSource): Map<string, string> {
  const map = new Map<string, string>();
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      map.set(name.toLowerCase(), value);
    });
    return map;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    map.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : String(value));
  }
  return map;
}

/**
 * `target` is the request target exactly as received ("/jobs/j%201/tasks?api-version=…") or
 * an absolute URL. It is split by hand: URL parsing would re-encode characters of the query
 * and path, and the signature covers the path as sent.
 */
export function signedRequestFrom(
  method: string,
  target: string,
  headers: HeaderSource,
): SignedRequest {
  let pathAndQuery = target;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(target);
  if (scheme) pathAndQuery = target.slice(scheme[0].length) || "/";
  const hash = pathAndQuery.indexOf("#");
  if (hash >= 0) pathAndQuery = pathAndQuery.slice(0, hash);
  const question = pathAndQuery.indexOf("?");
  const rawPath = question < 0 ? pathAndQuery : pathAndQuery.slice(0, question);
  const rawQuery = question < 0 ? "" : pathAndQuery.slice(question + 1);
  const map = headerMap(headers);
  return {
    method,
    rawPath,
    rawQuery,
    header: (name) => map.get(name.toLowerCase()),
    headerNames: () => map.keys(),
  };
}
