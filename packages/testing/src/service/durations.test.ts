import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration, UNLIMITED_DURATION } from "./durations.js";

describe("parseDuration", () => {
  it("reads the units the service uses", () => {
    expect(parseDuration("PT1H")).toBe(3_600_000);
    expect(parseDuration("P1D")).toBe(86_400_000);
    expect(parseDuration("PT1M30S")).toBe(90_000);
    expect(parseDuration("PT0.5S")).toBe(500);
    expect(parseDuration("P1W")).toBe(7 * 86_400_000);
    expect(parseDuration("P1DT2H")).toBe(86_400_000 + 7_200_000);
  });

  it("reads the unlimited value", () => {
    expect(parseDuration(UNLIMITED_DURATION)).toBeGreaterThan(9e14);
  });

  it("rejects what is not a duration", () => {
    for (const text of ["", "P", "PT", "1H", "-PT1H", "PT1H5", "P1H", "PTS", "abc", "P1DT"]) {
      expect(parseDuration(text), text).toBeUndefined();
    }
  });
});

describe("formatDuration", () => {
  it("writes days, hours, minutes and fractional seconds", () => {
    expect(formatDuration(0)).toBe("PT0S");
    expect(formatDuration(1500)).toBe("PT1.5S");
    expect(formatDuration(86_400_000 + 3_600_000 + 60_000 + 1000)).toBe("P1DT1H1M1S");
  });
});
