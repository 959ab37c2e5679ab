// `--verbose`: every request and response on stderr. The client's logger gives each line and
// its headers (redacted by the client's allow-list before they get here); a wrapper around the
// transport adds the bodies, redacted by redact-body.ts. A request's body follows its headers
// at once: the client calls the transport right after logging the request, without a pause.
// An answer's body is held until the client logs that answer; answers to the same method and
// path reach the logger in the order the transport received them (the same steps run in
// between), so a queue per method and path pairs them even when requests run side by side.
// A few response headers that never carry anything secret (the date, the connection's state,
// the protocol version) are shown as the service sent them: the client's allow-list leaves them
// out only to keep its browser bundle small, and a REDACTED date reads like a problem.
import type { Writable } from "node:stream";
import type { FetchLike } from "@batch/client";
import { redactBody } from "./redact-body.js";

interface LogDetails {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  status?: number;
  durationMs?: number;
}

/** Response headers shown as sent, although the client's allow-list redacts them. */
export const harmlessResponseHeaders: ReadonlySet<string> = new Set([
  "connection",
  "dataserviceversion",
  "date",
  "keep-alive",
]);

interface Answer {
  body: string;
  headers: Pick<Headers, "get">;
}

/** The most of a body printed; a page of a thousand tasks is far longer than anyone reads. */
export const maxBodyChars = 32 * 1024;

const indent = "   ";

function pathOf(url: string): string {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

function urlOf(input: string | URL | Request): string {
  if (typeof input === "string") return input;
  return input instanceof URL ? input.href : input.url;
}

function bodyText(text: string): string {
  if (text === "") return "";
  let shown = redactBody(text);
  if (shown.length > maxBodyChars) {
    shown = `${shown.slice(0, maxBodyChars)}\n... (${shown.length - maxBodyChars} more characters)`;
  }
  return `${indent}body: ${shown.replaceAll("\n", `\n${indent}`)}\n`;
}

const decoder = new TextDecoder();

export interface VerboseLogging {
  /** The client's logger: request and answer lines with their headers, then the answer's body. */
  logger: (level: string, message: string, details: LogDetails) => void;
  /** The transport, printing each request's body and keeping each answer's for the logger. */
  fetch: FetchLike;
}

export function verboseLogging(stderr: Writable, transport: FetchLike): VerboseLogging {
  const answers = new Map<string, Answer[]>();

  const fetch = (async (input, init) => {
    const method = init?.method ?? "GET";
    const body = init?.body;
    const sent =
      typeof body === "string" ? body : body instanceof Uint8Array ? decoder.decode(body) : "";
    stderr.write(bodyText(sent));
    const response = await transport(input, init);
    let received = "";
    try {
      received = await response.clone().text();
    } catch {
      // An answer whose body cannot be read twice prints without it.
    }
    const key = `${method} ${pathOf(urlOf(input))}`;
    const queue = answers.get(key) ?? [];
    queue.push({ body: received, headers: response.headers });
    answers.set(key, queue);
    return response;
  }) as FetchLike;
  // Marks the client reads on its transport (it buffers bodies, it releases signal listeners)
  // hold for the wrapper too.
  for (const mark of Object.getOwnPropertySymbols(transport)) {
    (fetch as unknown as Record<symbol, unknown>)[mark] = (
      transport as unknown as Record<symbol, unknown>
    )[mark];
  }

  const logger = (_level: string, message: string, details: LogDetails) => {
    let text = `${message}${details.durationMs === undefined ? "" : ` (${Math.round(details.durationMs)} ms)`}\n`;
    let answer: Answer | undefined;
    if (details.status !== undefined) {
      const key = `${details.method ?? "GET"} ${pathOf(details.url ?? "")}`;
      answer = answers.get(key)?.shift();
      if (answers.get(key)?.length === 0) answers.delete(key);
    }
    for (const [name, value] of Object.entries(details.headers ?? {})) {
      const sent = harmlessResponseHeaders.has(name) ? answer?.headers.get(name) : undefined;
      text += `${indent}${name}: ${sent ?? value}\n`;
    }
    if (answer !== undefined) text += bodyText(answer.body);
    stderr.write(text);
  };

  return { logger, fetch };
}
