// Logs every attempt as it goes on the wire and the answer that comes back. Everything passes
// through the allow-list redaction: Authorization, SAS signatures and unknown headers or query
// parameters print as REDACTED.
import { isBatchError } from "../errors.js";
import type { PipelineStep } from "../pipeline.js";
import { redactHeaders, redactUrl } from "../redaction.js";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface LogDetails {
  operation: string | undefined;
  attempt: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  status?: number;
  durationMs?: number;
  error?: string;
}

export type LoggerFunction = (level: LogLevel, message: string, details: LogDetails) => void;

/** A console-like object (any of the four methods may be missing) or one function. */
export type Logger =
  | LoggerFunction
  | Partial<Record<LogLevel, (message: string, details: LogDetails) => void>>;

export function loggingMiddleware(logger: Logger, now: () => number = Date.now): PipelineStep {
  const log: LoggerFunction =
    typeof logger === "function"
      ? logger
      : (level, message, details) => logger[level]?.(message, details);
  return async (request, next, context) => {
    const url = redactUrl(request.url);
    const base = {
      operation: context.operation,
      attempt: context.attempt,
      method: request.method,
      url,
    };
    const label = `${context.operation ?? request.method} ${request.method} ${url}`;
    log("debug", `-> ${label} (attempt ${context.attempt})`, {
      ...base,
      headers: redactHeaders(request.headers),
    });
    const started = now();
    try {
      const response = await next(request, context);
      const durationMs = now() - started;
      log(
        response.ok || response.status === 304 ? "debug" : "warn",
        `<- ${response.status} ${label}`,
        {
          ...base,
          headers: redactHeaders(response.headers),
          status: response.status,
          durationMs,
        },
      );
      return response;
    } catch (error) {
      // BatchError messages are already redacted; anything else is summarised by its name only.
      const summary = isBatchError(error)
        ? `${error.kind}: ${error.message}`
        : error instanceof Error
          ? error.name
          : "error";
      log("warn", `x ${label}: ${summary}`, {
        ...base,
        headers: {},
        durationMs: now() - started,
        error: summary,
      });
      throw error;
    }
  };
}
