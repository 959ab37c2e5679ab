// `--verbose`: every request and response on stderr, as the client's logger reports them.
// The client redacts by allow-list before anything reaches the logger (Authorization, SAS
// signatures and unknown headers print as REDACTED), so this only lays the lines out.
import type { Writable } from "node:stream";

interface LogDetails {
  headers?: Record<string, string>;
  durationMs?: number;
  error?: string;
}

export function verboseLogger(stderr: Writable) {
  return (_level: string, message: string, details: LogDetails) => {
    let text = `${message}${details.durationMs === undefined ? "" : ` (${Math.round(details.durationMs)} ms)`}\n`;
    for (const [name, value] of Object.entries(details.headers ?? {}))
      text += `   ${name}: ${value}\n`;
    stderr.write(text);
  };
}
