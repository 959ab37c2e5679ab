// What `--verbose` shows of a request's or an answer's body: the JSON laid out, with anything
// that can carry a credential replaced by REDACTED. URLs keep only the query parameters known to
// be harmless (a SAS token's signature and every other parameter are hidden: the client's
// allow-list); string properties named like secrets (password, token, key ...)
// are hidden whole; and text shaped like a credential (Shared Key or bearer values, sig=,
// JWTs, long padded base64 such as keys and signatures) is hidden wherever it appears.

import { REDACTED, redactText, redactUrl } from "@batch/client/redaction";

// Property names whose string values are secrets whatever they look like.
const secretName =
  /password|secret|token|credential|signature|sas|(access|account|storage|shared|primary|secondary)key/i;

function redactValue(value: unknown, name: string | undefined): unknown {
  if (typeof value === "string") {
    if (name !== undefined && secretName.test(name)) return REDACTED;
    return /^https?:\/\//i.test(value) ? redactUrl(value) : redactText(value);
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
    return redactText(text);
  }
  return JSON.stringify(redactValue(parsed, undefined), null, 2);
}
