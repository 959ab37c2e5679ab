import { describe, expect, it } from "vitest";
import { createStepTimers } from "./step-timers.fixture.js";

describe("step timers", () => {
  it("run callbacks only when time is advanced past them, in due order", () => {
    const step = createStepTimers();
    const ran: string[] = [];
    step.timers.setTimeout(() => ran.push("b"), 20);
    step.timers.setTimeout(() => {
      ran.push("a");
      step.timers.setTimeout(() => ran.push("a+5"), 5);
    }, 10);
    const cancelled = step.timers.setTimeout(() => ran.push("never"), 1);
    step.timers.clearTimeout(cancelled);
    expect(ran).toEqual([]);
    step.advance(0);
    expect(ran).toEqual([]);
    step.advance(12);
    expect(ran).toEqual(["a"]);
    step.advance(100);
    expect(ran).toEqual(["a", "a+5", "b"]);
    expect(step.pending()).toBe(0);
  });
});
