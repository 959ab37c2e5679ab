// What `--verbose` shows of a request's or an answer's body: the JSON laid out, with anything
// that can carry a credential replaced by REDACTED. URLs keep only the query parameters known to
// be harmless (a SAS token's signature and every other parameter are hidden: allow-list, as the
// client does for headers); string properties named like secrets (password, token, key ...)
// are hidden whole; and text shaped like a credential (Shared Key or bearer values, sig=,
// JWTs, long padded base64 such as keys and signatures) is hidden wherever it appears.

export const redacted = "REDACTED";

const safeQueryParameters = new Set([
  "api-version",
  "timeout",
  "maxresults",
  "$filter",
  "$select",
  "$expand",
  "$skiptoken",
  "force",
]);

const secretName =
  /password|secret|token|credential|signature|sas|(access|account|storage|shared|primary|secondary)key/i;

const secretShapes: readonly [RegExp, string][] = [
  [/SharedKey\s+[^\s:]*:[A-Za-z0-9+/=]*/g, `SharedKey ${redacted}`],
  [/Bearer\s+[A-Za-z0-9\-._~+/]+=*/gi, `Bearer ${redacted}`],
  [/([?&;\s"']|^)sig=[^&\s"']*/gi, `$1sig=${redacted}`],
  [/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, redacted],
  [/[A-Za-z0-9+/]{20,}={1,2}/g, redacted],
];

function redactShapes(text: string): string {
  let out = text;
  for (const [pattern, replacement] of secretShapes) out = out.replace(pattern, replacement);
  return out;
}

/** A URL with the values of query parameters not on the allow-list replaced. */
function redactQuery(url: string): string {
  const q = url.indexOf("?");
  if (q === -1) return url;
  const pairs = url
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = eq === -1 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // not on the allow-list in that form
      }
      return pair === "" || safeQueryParameters.has(decoded.toLowerCase())
        ? pair
        : `${name}=${redacted}`;
    });
  return `${url.slice(0, q)}?${pairs.join("&")}`;
}

function redactValue(value: unknown, name: string | undefined): unknown {
  if (typeof value === "string") {
    if (name !== undefined && secretName.test(name)) return redacted;
    return redactShapes(/^https?:\/\//i.test(value) ? redactQuery(value) : value);
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, name));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactValue(item, key)]),
    );
  }
  return value;
}

/** The body as `--verbose` prints it: indented JSON (or the text), redacted. */
export function redactBody(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redactShapes(text);
  }
  return JSON.stringify(redactValue(parsed, undefined), null, 2);
}
