// Reading a request body: the size limit (413 RequestBodyTooLarge), the content type
// (application/json, with or without odata= and charset=utf-8) and JSON parsing (400
// InvalidRequestBody). An empty body reads as undefined.

import type { ServiceError } from "../service/service-error.js";
import { httpError } from "./http-error.js";
import type { BodyKind } from "./routes.js";

const ODATA_FORMATS = new Set(["minimalmetadata", "nometadata", "fullmetadata"]);

export function bodyTooLarge(limit: number): ServiceError {
  return httpError(
    413,
    "RequestBodyTooLarge",
    `The request body is too large and exceeds the maximum permissible limit of ${limit} bytes.`,
    [{ key: "MaxLimit", value: String(limit) }],
  );
}

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
  if (Number.isFinite(declared) && declared >= limit) throw bodyTooLarge(limit);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength >= limit) throw bodyTooLarge(limit);
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
      throw httpError(
        400,
        "InvalidRequestBody",
        "The request body is missing; this operation needs a JSON body.",
      );
    }
    return undefined;
  }
  const contentType = request.headers.get("content-type");
  if (contentType === null || contentType.trim() === "") {
    throw httpError(
      400,
      "MissingRequiredHeader",
      "A header that's mandatory for this request is not specified.",
      [{ key: "HeaderName", value: "Content-Type" }],
    );
  }
  if (!isJsonContentType(contentType)) {
    throw httpError(
      400,
      "InvalidHeaderValue",
      "The value for one of the HTTP headers is not in the correct format.",
      [
        { key: "HeaderName", value: "Content-Type" },
        { key: "HeaderValue", value: contentType },
        {
          key: "Reason",
          value:
            "Request bodies must be application/json (odata=minimalmetadata and charset=utf-8 are allowed).",
        },
      ],
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw httpError(400, "InvalidRequestBody", "The request body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw httpError(
      400,
      "InvalidRequestBody",
      "The specified request body is not syntactically valid JSON.",
      [{ key: "Reason", value: error instanceof Error ? error.message : String(error) }],
    );
  }
}
