import { describe, expect, it } from "vitest";
import { durationMs, isoDuration } from "./duration.js";

describe("durations", () => {
  it("reads short forms, bare seconds and ISO 8601", () => {
    expect(durationMs("90", "--timeout")).toBe(90_000);
    expect(durationMs("250ms", "--interval")).toBe(250);
    expect(durationMs("10m", "--timeout")).toBe(600_000);
    expect(durationMs("PT1H30M", "--timeout")).toBe(5_400_000);
    expect(durationMs("P1DT2S", "--timeout")).toBe(86_402_000);
  });

  it("turns short forms into ISO 8601 and keeps ISO input", () => {
    expect(isoDuration("2h", "--max-wall-clock-time")).toBe("PT2H");
    expect(isoDuration("90", "--max-wall-clock-time")).toBe("PT1M30S");
    expect(isoDuration("1d", "--retention-time")).toBe("P1D");
    expect(isoDuration("0s", "--retention-time")).toBe("PT0S");
    expect(isoDuration("pt1h", "--max-wall-clock-time")).toBe("PT1H");
  });

  it("rejects anything else with the flag's name", () => {
    expect(() => durationMs("soon", "--timeout")).toThrow(/--timeout must be a duration/);
    expect(() => isoDuration("P", "--retention-time")).toThrow(/--retention-time/);
    expect(() => isoDuration("PT", "--retention-time")).toThrow(/--retention-time/);
  });
});
