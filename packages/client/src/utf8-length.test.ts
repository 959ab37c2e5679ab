import { describe, expect, it } from "vitest";
import { utf8ByteLength } from "./utf8-length.js";

describe("utf8ByteLength", () => {
  it("matches TextEncoder for ASCII, 2-, 3- and 4-byte characters and lone surrogates", () => {
    const encoder = new TextEncoder();
    for (const text of [
      "",
      "abc",
      "äöü",
      "€uro",
      "𝄞 clef",
      "a\uD800b",
      "\uDC00",
      "x\uD83D",
      '{"id":"t"}',
    ]) {
      expect(utf8ByteLength(text)).toBe(encoder.encode(text).byteLength);
    }
  });
});
