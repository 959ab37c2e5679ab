import { describe, expect, it } from "vitest";
import { ConsecutiveFaults } from "./consecutive-faults.js";

describe("ConsecutiveFaults", () => {
  it("allows a key at most `max` faults in a row, and again after it went through", () => {
    const streaks = new ConsecutiveFaults(2);
    expect(streaks.idle).toBe(true);
    expect(streaks.allows(["a"])).toBe(true);
    streaks.faulted(["a"]);
    expect(streaks.idle).toBe(false);
    expect(streaks.allows(["a"])).toBe(true);
    streaks.faulted(["a"]);
    expect(streaks.allows(["a"])).toBe(false);
    expect(streaks.allows(["b"])).toBe(true);
    streaks.wentThrough(["a"]);
    expect(streaks.idle).toBe(true);
    expect(streaks.allows(["a"])).toBe(true);
  });

  it("refuses when any of a request's keys is at the limit", () => {
    const streaks = new ConsecutiveFaults(1);
    streaks.faulted(["content:x", "client-request-id:1"]);
    expect(streaks.allows(["content:y", "client-request-id:1"])).toBe(false);
    expect(streaks.allows(["content:x"])).toBe(false);
    expect(streaks.allows(["content:y", "client-request-id:2"])).toBe(true);
  });
});
