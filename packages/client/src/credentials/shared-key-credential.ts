// SharedKeyCredential: an account name and the HMAC signer made from its key. The key itself is
// held only inside the signer's closure (behind a #private field, which neither JSON.stringify
// nor util.inspect shows), so it cannot be reached through properties, JSON or util.inspect.
import { base64ToBytes } from "./base64.js";
import { createHmacSha256, type HmacSha256 } from "./hmac-sha256.js";

/**
 * What signing needs of a Shared Key credential. A SharedKeyCredential made by another copy of
 * this package (another version, a bundled one) is a different class with the same shape: the
 * client takes it by that shape, as `isBatchError` takes errors.
 */
export interface SharedKeyCredentialLike {
  readonly accountName: string;
  computeSignature(stringToSign: string): Promise<string>;
}

export class SharedKeyCredential {
  readonly accountName: string;
  readonly #sign: HmacSha256;

  /**
   * @param accountName the Batch account name (the first label of the account URL)
   * @param accountKey one of the account's access keys, base64 as shown by the portal or `az`
   */
  constructor(accountName: string, accountKey: string) {
    if (typeof accountName !== "string" || accountName.trim() === "") {
      throw new TypeError("SharedKeyCredential: accountName must be a non-empty string");
    }
    const key = typeof accountKey === "string" ? base64ToBytes(accountKey) : undefined;
    if (!key) {
      // Never echo the key: a typo in it is still (most of) the secret.
      throw new TypeError(
        "SharedKeyCredential: accountKey must be the account's base64 access key",
      );
    }
    this.accountName = accountName;
    this.#sign = createHmacSha256(key);
  }

  /** The base64 HMAC-SHA256 of `stringToSign` under the account key. */
  computeSignature(stringToSign: string): Promise<string> {
    return this.#sign(stringToSign);
  }
}
