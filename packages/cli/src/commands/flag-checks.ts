// Checks of text flags that the service (or the client) would otherwise refuse in its own
// words (`taskId must be ...`, `ocpDate must be ...`): ids, dates and GUIDs are checked as the
// command line is parsed, and a flag given twice is refused, each error naming the flag as
// typed. They are yargs coerce functions: a usage error (exit status 2).
import { usageError } from "../errors/cli-error.js";

/** The flag's one value; a flag given more than once (yargs makes an array) is refused. */
export function singleValue(flag: string, raw: unknown): string {
  if (Array.isArray(raw)) {
    throw usageError(`${flag} was given more than once (${raw.join(", ")}); give it once`);
  }
  return String(raw ?? "");
}

/** A job or task id: given once, not empty, not "." or ".." (they would change the URL path). */
export function checkedId(flag: string): (raw: unknown) => string {
  return (raw) => {
    const id = singleValue(flag, raw);
    if (id === "") throw usageError(`${flag} must not be empty`);
    if (id === "." || id === "..") throw usageError(`${flag} cannot be "${id}"`);
    return id;
  };
}

/** A date for a header (ocp-date, If-Modified-Since...): ISO 8601 or RFC 1123. */
export function checkedDate(flag: string): (raw: unknown) => string {
  return (raw) => {
    const text = singleValue(flag, raw);
    if (text.trim() === "" || Number.isNaN(Date.parse(text))) {
      throw usageError(
        `${flag} must be a date such as 2025-06-01T12:00:00Z or "Sun, 01 Jun 2025 12:00:00 GMT", not ${JSON.stringify(text)}`,
      );
    }
    return text;
  };
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID, as the service requires of client-request-id. */
export function checkedGuid(flag: string): (raw: unknown) => string {
  return (raw) => {
    const text = singleValue(flag, raw);
    if (!guidPattern.test(text)) {
      throw usageError(
        `${flag} must be a GUID such as 9c6b1e2a-4f3d-4b8e-a1c2-3d4e5f607182, not ${JSON.stringify(text)}`,
      );
    }
    return text;
  };
}
