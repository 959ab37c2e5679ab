// `NAME=value` pairs on the command line (environment settings, resource files), split at the
// first `=` so values may contain more of them.
import { usageError } from "../errors/cli-error.js";

export function parseKeyValue(pair: string, flag: string): [string, string] {
  const at = pair.indexOf("=");
  if (at <= 0) throw usageError(`${flag} takes NAME=VALUE pairs, not "${pair}"`, "InvalidInput");
  return [pair.slice(0, at), pair.slice(at + 1)];
}
