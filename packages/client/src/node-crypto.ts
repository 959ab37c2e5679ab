// node:crypto where the runtime has it, reached through `process.getBuiltinModule` so that the
// main entry has no `node:` import and still bundles for browsers. On Node it is both cheaper
// per call than WebCrypto (HMAC) and already loaded, whereas the global `crypto` loads Node's
// WebCrypto layer on first use.

export interface NodeCryptoLike {
  createHmac(
    algorithm: string,
    key: Uint8Array | object,
  ): { update(data: string, encoding: "utf8"): { digest(encoding: "base64"): string } };
  createSecretKey?(key: Uint8Array): object;
  randomUUID?(): string;
}

export function nodeCrypto(): NodeCryptoLike | undefined {
  const processLike = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  if (typeof processLike?.getBuiltinModule !== "function") return undefined;
  const mod = processLike.getBuiltinModule("crypto") as NodeCryptoLike | undefined;
  return typeof mod?.createHmac === "function" ? mod : undefined;
}

let uuidSource: (() => string) | undefined;

/** A random (version 4) UUID: node:crypto's when present, else WebCrypto's. */
export function randomUuid(): string {
  uuidSource ??= nodeCrypto()?.randomUUID ?? (() => crypto.randomUUID());
  return uuidSource();
}
