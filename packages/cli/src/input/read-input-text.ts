// Reads a whole `--json-file` argument: a path, or `-` for standard input.
import { readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import { usageError } from "../errors/cli-error.js";

export function openInputLabel(file: string): string {
  return file === "-" ? "standard input" : file;
}

export async function readInputText(file: string, stdin: Readable): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw usageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      "InvalidInput",
    );
  }
}

/** Parses a JSON document, naming the file in the error. */
export function parseJsonInput(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw usageError(
      `${openInputLabel(file)} is not valid JSON: ${(error as Error).message}`,
      "InvalidInput",
    );
  }
}

/** Reads `--json-file` that must hold one JSON object. */
export async function readJsonObject(
  file: string,
  stdin: Readable,
): Promise<Record<string, unknown>> {
  const value = parseJsonInput(await readInputText(file, stdin), file);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw usageError(`${openInputLabel(file)} must hold one JSON object`, "InvalidInput");
  }
  return value as Record<string, unknown>;
}
