// Decides whether a request to the emulator is authenticated: a Shared Key signature by the
// configured account, fresh enough, or (when enabled) a bearer token. Every failure, a
// malformed Authorization header included, is 403 AuthenticationFailed with an
// AuthenticationErrorDetail that says what to fix, and never the key, a signature or a token.

import { parseHttpDate } from "./http-date.js";
import { type SignedRequest, stringsToSign, verifySharedKey } from "./shared-key.js";

export interface AuthOptions {
  accountName: string;
  accountKey: string;
  /** Accept bearer tokens: true accepts any non-empty token, a function decides. */
  bearer?: boolean | ((token: string) => boolean);
  /** Maximum request age (either way), default 15 minutes; false skips the check. */
  maxClockSkewMs?: number | false;
  now?: () => number;
}

export type AuthFailure = {
  ok: false;
  status: 403;
  code: "AuthenticationFailed";
  message: string;
  /** What is wrong, for the AuthenticationErrorDetail value. */
  detail: string;
};

export type AuthResult = { ok: true; scheme: "SharedKey" | "Bearer" } | AuthFailure;

/** The service's limit on the age of a signed request. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 15 * 60_000;

const SHARED_KEY = /^SharedKey +([^:\s]+):(\S+)$/i;
const BEARER = /^Bearer +(\S+)$/i;

const FAILED_MESSAGE =
  "The server could not authenticate the request. Check that the Authorization header is formed correctly, including the signature.";

function authenticationFailed(detail: string, message = FAILED_MESSAGE): AuthFailure {
  return { ok: false, status: 403, code: "AuthenticationFailed", message, detail };
}

/** Shows a string to sign on one line, with its newlines as "\n", the way Azure Storage does. */
function showStringToSign(stringToSign: string): string {
  return stringToSign.replaceAll("\n", "\\n");
}

function formatDuration(ms: number): string {
  const minutes = ms / 60_000;
  return Number.isInteger(minutes) ? `${minutes} minutes` : `${ms} ms`;
}

function checkFreshness(request: SignedRequest, options: AuthOptions): AuthFailure | undefined {
  // ocp-date is what the SDKs send; Date is the HTTP fallback, and ocp-date wins when both are.
  const headerName = request.header("ocp-date") !== undefined ? "ocp-date" : "Date";
  const value = request.header(headerName);
  if (value === undefined || value.trim() === "") {
    return authenticationFailed(
      "The request has neither an ocp-date nor a Date header. Signed requests must carry the time they were made, in RFC 1123 format.",
    );
  }
  const sent = parseHttpDate(value);
  if (sent === undefined) {
    return authenticationFailed(
      `The ${headerName} header '${value}' is not a valid HTTP date; use RFC 1123 format, e.g. Sat, 28 Nov 2026 14:17:57 GMT.`,
    );
  }
  const limit = options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
  if (limit === false) return undefined;
  const now = (options.now ?? Date.now)();
  const serverTime = new Date(now).toUTCString();
  if (now - sent > limit) {
    return authenticationFailed(
      `The request is too old: its ${headerName} is ${value} and the server time is ${serverTime}; requests older than ${formatDuration(limit)} are rejected.`,
    );
  }
  if (sent - now > limit) {
    return authenticationFailed(
      `The request is dated in the future: its ${headerName} is ${value} and the server time is ${serverTime}; at most ${formatDuration(limit)} of clock skew is allowed.`,
    );
  }
  return undefined;
}

function authenticateBearer(token: string, options: AuthOptions): AuthResult {
  const { bearer } = options;
  if (bearer === undefined || bearer === false) {
    return authenticationFailed(
      "This emulator does not accept bearer tokens; sign requests with the account key (SharedKey).",
    );
  }
  if (typeof bearer === "function" && !bearer(token)) {
    return authenticationFailed("The bearer token was not accepted.");
  }
  return { ok: true, scheme: "Bearer" };
}

function authenticateSharedKey(
  request: SignedRequest,
  accountName: string,
  signature: string,
  options: AuthOptions,
): AuthResult {
  if (accountName !== options.accountName) {
    return authenticationFailed(
      `The account '${accountName}' in the Authorization header is not the account this endpoint serves ('${options.accountName}').`,
    );
  }
  if (!verifySharedKey(request, options.accountName, options.accountKey, signature)) {
    const [stringToSign = ""] = stringsToSign(request, options.accountName);
    return authenticationFailed(
      `The signature in the Authorization header does not match the one computed for this request. The server signed the string '${showStringToSign(stringToSign)}'.`,
    );
  }
  return checkFreshness(request, options) ?? { ok: true, scheme: "SharedKey" };
}

export function authenticate(request: SignedRequest, options: AuthOptions): AuthResult {
  const authorization = request.header("authorization")?.trim();
  if (authorization === undefined || authorization === "") {
    return authenticationFailed(
      "The request has no Authorization header. Send 'SharedKey <account>:<signature>' or 'Bearer <token>'.",
      "The server could not authenticate the request: the Authorization header is missing.",
    );
  }
  const sharedKey = SHARED_KEY.exec(authorization);
  if (sharedKey) {
    const [, account = "", signature = ""] = sharedKey;
    return authenticateSharedKey(request, account, signature, options);
  }
  const bearer = BEARER.exec(authorization);
  if (bearer) return authenticateBearer(bearer[1] ?? "", options);
  // The same fixed text for every malformed value: the header, maybe a secret, is not echoed.
  return authenticationFailed(
    "The Authorization header is not in a valid format: expected 'SharedKey <account>:<signature>' or 'Bearer <token>'.",
  );
}
