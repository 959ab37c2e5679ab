import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "./base64.js";

describe("base64", () => {
  it("round-trips bytes and refuses text that is not base64", () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => i);
    const text = bytesToBase64(bytes);
    expect(text).toBe("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    expect(base64ToBytes(text)).toEqual(bytes);
    expect(base64ToBytes(` ${text}\n`)).toEqual(bytes);
    for (const bad of ["", "abc", "ab$=", "not base64!"])
      expect(base64ToBytes(bad)).toBeUndefined();
  });
});
