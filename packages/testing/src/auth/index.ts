// Authentication of requests to the emulator: Shared Key verification as the official clients
// sign, optional bearer tokens, and the service's error answers.

export {
  type AuthFailure,
  type AuthOptions,
  type AuthResult,
  authenticate,
  DEFAULT_MAX_CLOCK_SKEW_MS,
} from "./authenticate.js";
export { parseHttpDate } from "./http-date.js";
export {
  canonicalizedQueryVariants,
  decodeQueryComponent,
} from "./query-canonicalization.js";
export {
  computeSharedKeySignature,
  type SignedRequest,
  sharedKeyAuthorization,
  stringsToSign,
  verifySharedKey,
} from "./shared-key.js";
export { type HeaderSource, signedRequestFrom } from "./signed-request.js";
