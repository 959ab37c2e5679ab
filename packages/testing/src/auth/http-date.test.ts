import { describe, expect, it } from "vitest";
import { parseHttpDate } from "./http-date.js";

const AT = Date.UTC(2026, 10, 28, 14, 17, 57);

describe("parseHttpDate", () => {
  it.each([
    ["Sat, 28 Nov 2026 14:17:57 GMT"],
    ["sat, 28 nov 2026 14:17:57 GMT"],
    ["  Sat, 28 Nov 2026 14:17:57 GMT "],
    ["Saturday, 28-Nov-26 14:17:57 GMT"],
    ["Sat Nov 28 14:17:57 2026"],
  ])("reads %j", (text) => {
    expect(parseHttpDate(text)).toBe(AT);
  });

  it("reads single-digit days and the output of toUTCString", () => {
    expect(parseHttpDate("Mon, 2 Feb 2026 00:00:00 GMT")).toBe(Date.UTC(2026, 1, 2));
    expect(parseHttpDate("Mon Feb  2 00:00:00 2026")).toBe(Date.UTC(2026, 1, 2));
    const now = new Date(Date.UTC(2031, 6, 4, 5, 6, 7));
    expect(parseHttpDate(now.toUTCString())).toBe(now.getTime());
  });

  it.each([
    "2026",
    "garbage 5",
    "2026-11-28T14:17:57Z",
    "Sat, 28 Nov 2026 14:17:57",
    "Sat, 28 Nov 2026 14:17:57 +0100",
    "Sat, 31 Feb 2026 14:17:57 GMT",
    "Sat, 28 Foo 2026 14:17:57 GMT",
    "Sat, 28 Nov 2026 24:00:00 GMT",
    "",
  ])("rejects %j", (text) => {
    expect(parseHttpDate(text)).toBeUndefined();
  });
});
