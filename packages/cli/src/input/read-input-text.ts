// Reads a whole `--json-file` argument: a path, or `-` for standard input. Anything wrong with
// the file as a whole (it cannot be read, it is a folder, it is not JSON, it holds the wrong
// kind of value) is one InvalidJsonFile error naming the file: exit status 2.
import { readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import { type CliError, usageError } from "../errors/cli-error.js";

export function openInputLabel(file: string): string {
  return file === "-" ? "standard input" : file;
}

const readFailures: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

/** The error for a --json-file that cannot be read. */
export function unreadableInput(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === undefined
      ? (error as Error).message
      : `${readFailures[code] ?? (error as Error).message} (${code})`;
  return invalidJsonFile(`cannot read ${openInputLabel(file)}: ${reason}`);
}

export function invalidJsonFile(message: string): CliError {
  return usageError(message, "InvalidJsonFile");
}

/**
 * The text without a leading UTF-8 byte order mark: editors on Windows (and PowerShell's
 * Out-File) start files with one, and JSON.parse refuses it.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function readInputText(file: string, stdin: Readable): Promise<string> {
  try {
    if (file !== "-") return withoutBom(await readFile(file, "utf8"));
    const chunks: Buffer[] = [];
    for await (const chunk of stdin)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return withoutBom(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw unreadableInput(file, error);
  }
}

/** Parses a JSON document, naming the file in the error. */
export function parseJsonInput(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidJsonFile(`${openInputLabel(file)} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads `--json-file` that must hold one JSON object. */
export async function readJsonObject(
  file: string,
  stdin: Readable,
): Promise<Record<string, unknown>> {
  const value = parseJsonInput(await readInputText(file, stdin), file);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidJsonFile(`${openInputLabel(file)} must hold one JSON object`);
  }
  return value as Record<string, unknown>;
}
