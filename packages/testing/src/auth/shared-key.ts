// Batch Shared Key signatures, verified the way the official clients (azure-batch for Python
// behind az, @azure/batch for JavaScript) actually sign. Where they differ, or where an HTTP
// stack changes what arrives, every string a client may have signed is tried.

import { createHmac, timingSafeEqual } from "node:crypto";
import { canonicalizedQueryVariants } from "./query-canonicalization.js";

/** A request as received, before any decoding or normalization. */
export interface SignedRequest {
  method: string;
  /** Path exactly as received, percent-encoded, without the query. */
  rawPath: string;
  /** Query string as received, without the '?'. */
  rawQuery: string;
  /** Case-insensitive header lookup of the request as received. */
  header(name: string): string | undefined;
  /**
   * Names of all headers received. Needed to find every ocp-* header; without it only
   * ocp-date (the only one the service defines) is considered.
   */
  headerNames?(): Iterable<string>;
}

// The standard headers of the string to sign, in order; Content-Length is handled apart.
const HEADERS_BEFORE_LENGTH = ["content-encoding", "content-language"] as const;
const HEADERS_AFTER_LENGTH = [
  "content-md5",
  "content-type",
  "date",
  "if-modified-since",
  "if-match",
  "if-none-match",
  "if-unmodified-since",
  "range",
] as const;

/**
 * Content-Length as the client may have signed it. Clients sign the header they send, but for
 * a request without a body they differ: az sends and signs "0", @azure/batch signs "0" or ""
 * depending on the verb, and fetch-based clients sign "" while the HTTP stack adds
 * `content-length: 0` on the wire (or an in-process transport drops the header). An empty
 * body is an empty body, so both spellings are accepted for it.
 */
function contentLengthVariants(request: SignedRequest): string[] {
  const header = request.header("content-length");
  if (header === undefined || header === "" || header === "0") return ["", "0"];
  return [header];
}

function canonicalizedHeaders(request: SignedRequest): string {
  const names = new Set<string>();
  for (const name of request.headerNames?.() ?? ["ocp-date"]) {
    const lower = name.toLowerCase();
    if (lower.startsWith("ocp-")) names.add(lower);
  }
  let lines = "";
  for (const name of [...names].sort()) {
    const value = request.header(name);
    // Both clients leave out headers whose value is empty.
    if (value !== undefined && value !== "") lines += `${name}:${value}\n`;
  }
  return lines;
}

/**
 * Every string to sign an official client may have produced for this request, most likely
 * first, without duplicates.
 */
export function stringsToSign(request: SignedRequest, accountName: string): string[] {
  const header = (name: string) => request.header(name) ?? "";
  const before = HEADERS_BEFORE_LENGTH.map(header);
  const after = HEADERS_AFTER_LENGTH.map(header);
  const ocpHeaders = canonicalizedHeaders(request);
  const resource = `/${accountName}${request.rawPath === "" ? "/" : request.rawPath}`;
  const variants = new Set<string>();
  for (const contentLength of contentLengthVariants(request)) {
    for (const query of canonicalizedQueryVariants(request.rawQuery)) {
      const lines = [request.method.toUpperCase(), ...before, contentLength, ...after];
      variants.add(`${lines.join("\n")}\n${ocpHeaders}${resource}${query}`);
    }
  }
  return [...variants];
}

/** base64(HMAC-SHA256(base64decode(accountKey), utf8(stringToSign))). */
export function computeSharedKeySignature(stringToSign: string, accountKey: string): string {
  return createHmac("sha256", Buffer.from(accountKey, "base64"))
    .update(stringToSign, "utf8")
    .digest("base64");
}

/** True when `signature` matches any string an official client may have signed. */
export function verifySharedKey(
  request: SignedRequest,
  accountName: string,
  accountKey: string,
  signature: string,
): boolean {
  const provided = Buffer.from(signature, "utf8");
  let matched = false;
  // Every variant is checked, so the time taken does not reveal which one came close.
  for (const candidate of stringsToSign(request, accountName)) {
    const expected = Buffer.from(computeSharedKeySignature(candidate, accountKey), "utf8");
    if (expected.length === provided.length && timingSafeEqual(expected, provided)) {
      matched = true;
    }
  }
  return matched;
}

/**
 * The Authorization header value for a request, signed as a client would: for tests and
 * tools that need to talk to the emulator without an SDK.
 */
export function sharedKeyAuthorization(
  request: SignedRequest,
  accountName: string,
  accountKey: string,
): string {
  const [stringToSign = ""] = stringsToSign(request, accountName);
  return `SharedKey ${accountName}:${computeSharedKeySignature(stringToSign, accountKey)}`;
}
