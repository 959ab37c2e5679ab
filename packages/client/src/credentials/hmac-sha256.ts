// HMAC-SHA256 for Shared Key signing. On Node it uses node:crypto (see node-crypto.ts);
// elsewhere (browsers, Deno, older Node) it uses WebCrypto. node:crypto is chosen when present
// because it is an order of magnitude cheaper per request than `crypto.subtle.sign`.
import { nodeCrypto } from "../node-crypto.js";
import { bytesToBase64 } from "./base64.js";

/** Signs a UTF-8 string and returns the base64 MAC. */
export type HmacSha256 = (message: string) => Promise<string>;

/** A signer bound to `key`; the key stays in this closure. */
export function createHmacSha256(key: Uint8Array): HmacSha256 {
  const node = nodeCrypto();
  if (node) {
    // A KeyObject, made once, spares each signature from importing the raw key again.
    const keyObject = node.createSecretKey ? node.createSecretKey(key.slice()) : key.slice();
    return async (message) =>
      node.createHmac("sha256", keyObject).update(message, "utf8").digest("base64");
  }
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new TypeError("Shared Key signing needs node:crypto or WebCrypto (crypto.subtle)");
  }
  const encoder = new TextEncoder();
  const cryptoKey = subtle.importKey("raw", key.slice(), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return async (message) => {
    const mac = await subtle.sign("HMAC", await cryptoKey, encoder.encode(message));
    return bytesToBase64(new Uint8Array(mac));
  };
}
