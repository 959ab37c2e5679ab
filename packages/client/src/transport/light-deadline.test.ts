import { describe, expect, it } from "vitest";
import { manualTimers } from "../test-support/manual-timers.js";
import { LightAbortSignal, startLightDeadline } from "./light-deadline.js";

describe("LightAbortSignal", () => {
  it("calls each abort listener once, with the reason set, and none added after the abort", () => {
    const signal = new LightAbortSignal();
    const heard: unknown[] = [];
    const kept = () => heard.push(["kept", signal.reason]);
    const removed = () => heard.push("removed");
    signal.addEventListener("abort", kept);
    signal.addEventListener("abort", removed);
    signal.removeEventListener("abort", removed);
    expect(() => signal.throwIfAborted()).not.toThrow();
    signal.abort("why");
    signal.abort("again");
    signal.addEventListener("abort", () => heard.push("late"));
    expect(heard).toEqual([["kept", "why"]]);
    expect(signal).toMatchObject({ aborted: true, reason: "why" });
    expect(() => signal.throwIfAborted()).toThrow("why");
  });
});

describe("startLightDeadline", () => {
  it("aborts with the reason when the time passes, and says it expired", () => {
    const timers = manualTimers();
    const deadline = startLightDeadline(undefined, 5000, timers, () => "late");
    expect(timers.pending()).toEqual([5000]);
    expect(deadline.signal.aborted).toBe(false);
    timers.fire();
    expect(deadline).toMatchObject({ expired: true, signal: { aborted: true, reason: "late" } });
  });

  it("aborts with the parent's reason, without expiring, and unlinks the parent on release", () => {
    const timers = manualTimers();
    const parent = new AbortController();
    const deadline = startLightDeadline(parent.signal, 5000, timers, () => "late");
    parent.abort("caller");
    expect(deadline).toMatchObject({ expired: false, signal: { aborted: true, reason: "caller" } });

    const other = new AbortController();
    const released = startLightDeadline(other.signal, 5000, timers, () => "late");
    released.release();
    expect(timers.pending()).toEqual([5000]); // only the first deadline's timer is left
    other.abort("after");
    expect(released.signal.aborted).toBe(false);
  });

  it("starts aborted under a parent that already is", () => {
    const deadline = startLightDeadline(AbortSignal.abort("done"), 10, manualTimers(), () => "x");
    expect(deadline.signal).toMatchObject({ aborted: true, reason: "done" });
  });
});
