// Renders any thrown value as the one line `batch` prints on stderr:
//   error: <Code>: <message> [<key>=<value>, ...] (request-id <id>)
// Never a stack trace: the line is built from the message and the service's fields only.
import { isBatchErrorShape } from "./batch-error-shape.js";
import { isCliError } from "./cli-error.js";
import { networkErrorMessage } from "./network-error-message.js";

const kindLabels = {
  network: "NetworkError",
  timeout: "Timeout",
  aborted: "Aborted",
  client: "InvalidInput",
} as const;

/** The code an error is reported with: the service's, else one for the kind of failure. */
export function errorCodeOf(error: {
  code?: string | undefined;
  kind?: string | undefined;
}): string | undefined {
  if (error.code !== undefined) return error.code;
  return error.kind !== undefined && error.kind in kindLabels
    ? kindLabels[error.kind as keyof typeof kindLabels]
    : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

export function formatErrorLine(error: unknown): string {
  if (isBatchErrorShape(error)) {
    const code = errorCodeOf(error);
    const message =
      (error.kind === "network" ? networkErrorMessage(error) : undefined) ?? error.message;
    let line = `error: ${code === undefined ? "" : `${code}: `}${oneLine(message)}`;
    const details = (error.values ?? [])
      .filter((detail) => detail.key !== undefined && detail.value !== undefined)
      .map((detail) => `${detail.key}=${oneLine(String(detail.value))}`);
    if (details.length > 0) line += ` [${details.join(", ")}]`;
    if (error.requestId !== undefined) line += ` (request-id ${error.requestId})`;
    return line;
  }
  if (isCliError(error)) {
    return `error: ${error.code === undefined ? "" : `${error.code}: `}${oneLine(error.message)}`;
  }
  if (error instanceof Error) return `error: ${oneLine(error.message || error.name)}`;
  return `error: ${oneLine(String(error))}`;
}
