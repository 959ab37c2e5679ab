// Shared Key signing, byte for byte as the Batch service verifies it, done again on every attempt
// with a fresh ocp-date so that a retry is never refused as stale.
import type { SharedKeyCredentialLike } from "../credentials/shared-key-credential.js";
import type { PipelineStep } from "../pipeline.js";
import type { HeaderBag } from "../request-headers.js";
import { utf8ByteLength } from "../utf8-length.js";
import { stampOcpDate } from "./ocp-date.js";

/** What the string to sign is made of; everything as it goes on the wire. */
export interface SharedKeySigningInput {
  method: string;
  /** The request URL; its path is used still percent-encoded, its query values decoded. */
  url: string;
  headers: HeaderBag;
  /** The Content-Length the request is sent with, or "" when it is sent without one. */
  contentLength: string;
  accountName: string;
}

/** The Batch Shared Key string to sign. */
export function sharedKeyStringToSign(input: SharedKeySigningInput): string {
  const { headers } = input;
  const header = (name: string) => headers.get(name) ?? "";
  const lines = [
    input.method.toUpperCase(),
    header("content-encoding"),
    header("content-language"),
    input.contentLength,
    header("content-md5"),
    header("content-type"),
    header("date"),
    header("if-modified-since"),
    header("if-match"),
    header("if-none-match"),
    header("if-unmodified-since"),
    header("range"),
  ];
  let signed = `${lines.join("\n")}\n`;
  // Headers iterate in sorted, lower-cased order already.
  headers.forEach((value, name) => {
    if (name.startsWith("ocp-") && value !== "") signed += `${name}:${value}\n`;
  });
  return signed + canonicalizedResource(input.url, input.accountName);
}

function canonicalizedResource(url: string, accountName: string): string {
  // The URL is absolute and as sent (the pipeline built it): split it by hand rather than
  // through `new URL`, which would also re-encode it.
  const hash = url.indexOf("#");
  const target = hash === -1 ? url : url.slice(0, hash);
  const scheme = target.indexOf("://");
  const pathStart = scheme === -1 ? 0 : target.indexOf("/", scheme + 3);
  const question = target.indexOf("?");
  const path =
    pathStart === -1 || (question !== -1 && question < pathStart)
      ? "/"
      : target.slice(pathStart, question === -1 ? undefined : question);
  let resource = `/${accountName}${path}`;
  const query = question === -1 ? "" : target.slice(question + 1);
  if (query === "") return resource;
  const first = new Map<string, string>();
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = eq === -1 ? pair : pair.slice(0, eq);
    if (first.has(name)) continue; // the first value of a repeated name is the one signed
    first.set(name, decodeQueryValue(eq === -1 ? "" : pair.slice(eq + 1)));
  }
  // The default sort compares UTF-16 code units, the ordinal order the service signs in.
  const names = [...first.keys()].sort();
  for (const name of names) resource += `\n${name}:${first.get(name)}`;
  return resource;
}

function decodeQueryValue(raw: string): string {
  if (raw.indexOf("%") === -1 && raw.indexOf("+") === -1) return raw;
  const spaced = raw.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * The Content-Length a request goes out with: the body's UTF-8 byte length; "0" for a bodyless
 * POST or PUT (fetch and our node:http transport both send `Content-Length: 0` there); nothing
 * for other bodyless requests.
 */
export function wireContentLength(
  method: string,
  body: string | Uint8Array<ArrayBuffer> | undefined,
): string {
  if (body !== undefined) {
    return String(typeof body === "string" ? utf8ByteLength(body) : body.byteLength);
  }
  return method === "POST" || method === "PUT" ? "0" : "";
}

export interface SharedKeyMiddlewareOptions {
  /** The clock for ocp-date (tests pin it). */
  now?: () => Date;
}

/**
 * Signs each attempt. A caller-supplied ocp-date is kept for the first attempt; every retry gets
 * the current time, since the service refuses requests dated more than 15 minutes ago.
 */
export function sharedKeyMiddleware(
  credential: SharedKeyCredentialLike,
  options: SharedKeyMiddlewareOptions = {},
): PipelineStep {
  const now = options.now ?? (() => new Date());
  return async (request, next, context) => {
    const { headers } = request;
    stampOcpDate(headers, context.attempt > 1, now);
    const stringToSign = sharedKeyStringToSign({
      method: request.method,
      url: request.url,
      headers,
      contentLength: wireContentLength(request.method, context.body),
      accountName: credential.accountName,
    });
    const signature = await credential.computeSignature(stringToSign);
    headers.set("authorization", `SharedKey ${credential.accountName}:${signature}`);
    return next(request, context);
  };
}
