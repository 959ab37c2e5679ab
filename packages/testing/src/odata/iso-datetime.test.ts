import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIsoDateTime } from "./iso-datetime.js";

describe("parseIsoDateTime", () => {
  it("reads UTC timestamps with and without seconds and fractions", () => {
    expect(parseIsoDateTime("2025-01-02T03:04:05Z")).toBe(Date.UTC(2025, 0, 2, 3, 4, 5));
    expect(parseIsoDateTime("2025-01-02T03:04Z")).toBe(Date.UTC(2025, 0, 2, 3, 4));
    expect(parseIsoDateTime("2025-01-02T03:04:05.1Z")).toBe(Date.UTC(2025, 0, 2, 3, 4, 5, 100));
    expect(parseIsoDateTime("2025-01-02t03:04:05z")).toBe(Date.UTC(2025, 0, 2, 3, 4, 5));
  });

  it("truncates fractions finer than a millisecond (.NET ticks)", () => {
    expect(parseIsoDateTime("2025-01-02T03:04:05.1234567Z")).toBe(
      Date.UTC(2025, 0, 2, 3, 4, 5, 123),
    );
  });

  it("applies zone offsets and treats a missing zone as UTC", () => {
    expect(parseIsoDateTime("2025-01-02T05:34:05+02:30")).toBe(Date.UTC(2025, 0, 2, 3, 4, 5));
    expect(parseIsoDateTime("2025-01-01T23:04:05-04:00")).toBe(Date.UTC(2025, 0, 2, 3, 4, 5));
    expect(parseIsoDateTime("2025-01-02T03:04:05")).toBe(Date.UTC(2025, 0, 2, 3, 4, 5));
  });

  it("handles years below 100 and leap days", () => {
    expect(new Date(parseIsoDateTime("0042-06-01T00:00:00Z") ?? Number.NaN).toISOString()).toBe(
      "0042-06-01T00:00:00.000Z",
    );
    expect(parseIsoDateTime("2024-02-29T00:00:00Z")).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoDateTime("2000-02-29T00:00:00Z")).toBe(Date.UTC(2000, 1, 29));
  });

  it.each([
    "2025-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2025-04-31T00:00:00Z",
    "2025-13-01T00:00:00Z",
    "2025-00-01T00:00:00Z",
    "2025-01-00T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "2025-01-01T24:00:00Z",
    "2025-01-01T00:60:00Z",
    "2025-01-01T00:00:60Z",
    "2025-01-01T00:00:00+24:00",
    "2025-01-01T00:00:00+01:60",
    "2025-01-01",
    "2025-01-01T",
    "2025-01-01 00:00:00Z",
    "25-01-01T00:00:00Z",
    "2025-1-01T00:00:00Z",
    "2025-01-01T00:00:00.Z",
    "2025-01-01T00:00:00ZZ",
    "yesterday",
    "",
  ])("rejects %j", (text) => {
    expect(parseIsoDateTime(text)).toBeUndefined();
  });

  it("reads back every toISOString output exactly", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("0001-01-01T00:00:00Z"),
          max: new Date("9999-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        (date) => {
          expect(parseIsoDateTime(date.toISOString())).toBe(date.getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });
});
