import { describe, expect, it } from "vitest";
import { EtagCounter, etagMatches, formatEtag, formatHttpDate } from "./etag.js";

describe("etags", () => {
  it("look like the service's and never repeat", () => {
    const counter = new EtagCounter();
    const tags = new Set(Array.from({ length: 100 }, () => formatEtag(counter.next())));
    expect(tags.size).toBe(100);
    for (const tag of tags) expect(tag).toMatch(/^0x8D[0-9A-F]{13}$/);
  });

  it("match quoted, weak and listed forms", () => {
    expect(etagMatches('"0x8DC000000000001"', "0x8DC000000000001")).toBe(true);
    expect(etagMatches('W/"0x8DC000000000001"', "0x8DC000000000001")).toBe(true);
    expect(etagMatches("0x1, 0x8DC000000000001", "0x8DC000000000001")).toBe(true);
    expect(etagMatches("0x8DC000000000002", "0x8DC000000000001")).toBe(false);
  });

  it("formats Last-Modified as RFC 1123", () => {
    expect(formatHttpDate(Date.UTC(2025, 5, 1, 12, 0, 0, 999))).toBe(
      "Sun, 01 Jun 2025 12:00:00 GMT",
    );
  });
});
