// Redaction by allow-list: the only way request and response details reach logs and errors.
// Values not known to be harmless print as REDACTED, so a new secret-bearing header or query
// parameter is hidden by default rather than leaked by default.

import type { HeaderBag } from "./request-headers.js";

export const REDACTED = "REDACTED";

const SAFE_HEADERS = new Set([
  "accept",
  "client-request-id",
  "content-length",
  "content-type",
  "dataserviceid",
  "etag",
  "last-modified",
  "location",
  "ocp-date",
  "request-id",
  "retry-after",
  "return-client-request-id",
  "user-agent",
]);

const SAFE_QUERY = new Set([
  "api-version",
  "timeout",
  "maxresults",
  "$filter",
  "$select",
  "$expand",
  "$skiptoken",
  "force",
]);

/** Header names and values, with the values of headers not on the allow-list replaced. */
export function redactHeaders(headers: HeaderBag): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SAFE_HEADERS.has(name) ? value : REDACTED;
  });
  return out;
}

/** The URL with the values of query parameters not on the allow-list replaced. */
export function redactUrl(url: string): string {
  const hash = url.indexOf("#");
  const bare = hash === -1 ? url : url.slice(0, hash);
  const q = bare.indexOf("?");
  if (q === -1) return redactText(bare);
  const parts = bare
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      if (pair === "") return pair;
      const eq = pair.indexOf("=");
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName);
      } catch {
        // keep the raw name; it is not on the allow-list in that form anyway
      }
      return SAFE_QUERY.has(name.toLowerCase()) ? pair : `${rawName}=${REDACTED}`;
    });
  return `${redactText(bare.slice(0, q))}?${parts.join("&")}`;
}

// Shapes that carry credentials in free text (service messages, causes of network errors):
// Shared Key headers, bearer headers, SAS signatures, JWTs, and padded base64 strings the
// length of an HMAC-SHA256 signature or longer (account keys, signatures).
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/SharedKey\s+[^\s:]*:[A-Za-z0-9+/=]*/g, `SharedKey ${REDACTED}`],
  [/Bearer\s+[A-Za-z0-9\-._~+/]+=*/gi, `Bearer ${REDACTED}`],
  [/([?&;\s"']|^)sig=[^&\s"']*/gi, `$1sig=${REDACTED}`],
  [/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  [/[A-Za-z0-9+/]{20,}={1,2}/g, REDACTED],
];

/** Free text with anything shaped like a credential replaced. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
