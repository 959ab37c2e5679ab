// Test support: signs requests the way @azure/batch does, written independently of the
// emulator's verifier so the tests check one against the other. Not part of the package.

import { createHmac } from "node:crypto";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "../dev-account.js";

export interface SigningOptions {
  account?: string;
  key?: string;
  /** The ocp-date to send (now by default). */
  date?: Date;
}

function decode(component: string): string {
  return decodeURIComponent(component.replaceAll("+", " "));
}

/** The string to sign of a request: verb, standard headers, ocp-* headers, resource. */
export function stringToSign(
  method: string,
  url: string,
  headers: Headers,
  bodyLength: number,
  account: string,
): string {
  const parsed = new URL(url);
  const header = (name: string) => headers.get(name) ?? "";
  const contentLength =
    headers.get("content-length") ??
    (bodyLength > 0 ? String(bodyLength) : method === "GET" ? "" : "0");
  const standard = [
    method.toUpperCase(),
    header("content-encoding"),
    header("content-language"),
    contentLength,
    header("content-md5"),
    header("content-type"),
    header("date"),
    header("if-modified-since"),
    header("if-match"),
    header("if-none-match"),
    header("if-unmodified-since"),
    header("range"),
  ];
  const ocp = [...headers.keys()]
    .filter((name) => name.startsWith("ocp-"))
    .sort()
    .map((name) => `${name}:${headers.get(name)}\n`)
    .join("");
  const rawQuery = parsed.search.slice(1);
  const params = new Map<string, string>();
  for (const part of rawQuery.split("&").filter(Boolean)) {
    const [name = "", value = ""] = part.split(/=(.*)/s);
    const decodedName = decode(name);
    if (!params.has(decodedName)) params.set(decodedName, decode(value));
  }
  const query = [...params.keys()]
    .sort()
    .map((name) => `\n${name}:${params.get(name)}`)
    .join("");
  return `${standard.join("\n")}\n${ocp}/${account}${parsed.pathname}${query}`;
}

/** Adds ocp-date and a Shared Key Authorization header to a request's headers. */
export function signHeaders(
  method: string,
  url: string,
  init: { headers?: HeadersInit; body?: string },
  options: SigningOptions = {},
): Headers {
  const account = options.account ?? DEV_ACCOUNT_NAME;
  const key = options.key ?? DEV_ACCOUNT_KEY;
  const headers = new Headers(init.headers);
  if (!headers.has("ocp-date")) headers.set("ocp-date", (options.date ?? new Date()).toUTCString());
  const bodyLength = init.body === undefined ? 0 : Buffer.byteLength(init.body);
  const signature = createHmac("sha256", Buffer.from(key, "base64"))
    .update(stringToSign(method, url, headers, bodyLength, account), "utf8")
    .digest("base64");
  headers.set("authorization", `SharedKey ${account}:${signature}`);
  return headers;
}

export interface SignedFetchInit {
  method?: string;
  headers?: HeadersInit;
  /** A JSON value (sent with the @azure/batch content type) or raw text. */
  json?: unknown;
  body?: string;
}

/** fetch with Shared Key signing, defaulting to the development account. */
export function signedFetch(
  url: string,
  init: SignedFetchInit = {},
  options: SigningOptions = {},
): Promise<Response> {
  const method = init.method ?? "GET";
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    if (!headers.has("content-type"))
      headers.set("content-type", "application/json; odata=minimalmetadata; charset=utf-8");
  }
  const signed = signHeaders(
    method,
    url,
    { headers, ...(body !== undefined && { body }) },
    options,
  );
  return fetch(url, { method, headers: signed, ...(body !== undefined && { body }) });
}
