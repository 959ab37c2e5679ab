// Reading a request body: the size limit (413 RequestBodyTooLarge), the content type
// (application/json, with or without odata= and charset=utf-8) and JSON parsing (400
// InvalidRequestBody). An empty body reads as undefined.

import {
  invalidHeaderValue,
  invalidRequestBody,
  missingRequiredHeader,
  requestBodyTooLarge,
} from "../service/error-catalog.js";
import type { BodyKind } from "./routes.js";

const ODATA_FORMATS = new Set(["minimalmetadata", "nometadata", "fullmetadata"]);

/** Whether a Content-Type names JSON in a form the service takes. */
export function isJsonContentType(value: string): boolean {
  const [type = "", ...parameters] = value.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  for (const parameter of parameters) {
    const [name = "", raw = ""] = parameter.split("=").map((part) => part.trim());
    const parameterValue = raw.replace(/^"(.*)"$/, "$1");
    if (name === "charset" && parameterValue !== "utf-8" && parameterValue !== "utf8") return false;
    if (name === "odata" && !ODATA_FORMATS.has(parameterValue)) return false;
  }
  return true;
}

/** Reads the raw body of an operation that takes one, refusing it at the size limit. */
export async function readBodyBytes(
  request: Request,
  kind: BodyKind,
  limit: number,
): Promise<Uint8Array | undefined> {
  if (kind === "none") return undefined;
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared >= limit) throw requestBodyTooLarge(limit);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength >= limit) throw requestBodyTooLarge(limit);
  return bytes;
}

/** Parses the body of an operation as JSON; an empty optional body reads as undefined. */
export function parseJsonBody(
  request: Request,
  kind: BodyKind,
  bytes: Uint8Array | undefined,
): unknown {
  if (kind === "none" || bytes === undefined) return undefined;
  if (bytes.byteLength === 0) {
    if (kind === "required") {
      throw invalidRequestBody("The request body is missing; this operation needs a JSON body.");
    }
    return undefined;
  }
  const contentType = request.headers.get("content-type");
  if (contentType === null || contentType.trim() === "") {
    throw missingRequiredHeader("Content-Type");
  }
  if (!isJsonContentType(contentType)) {
    throw invalidHeaderValue(
      "Content-Type",
      contentType,
      "Request bodies must be application/json (odata=minimalmetadata and charset=utf-8 are allowed).",
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalidRequestBody("The request body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidRequestBody(
      "The specified request body is not syntactically valid JSON.",
      error instanceof Error ? error.message : String(error),
    );
  }
}
