import { describe, expect, it, vi } from "vitest";
import { abortableSleep } from "./sleep.js";

describe("abortableSleep", () => {
  it("resolves after the delay and leaves no listener behind", async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const remove = vi.spyOn(controller.signal, "removeEventListener");
      let done = false;
      const sleeping = abortableSleep(1000, controller.signal).then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await sleeping;
      expect(done).toBe(true);
      expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
    } finally {
      vi.useRealTimers();
    }
  });

  it("rejects with the abort reason, at once or when aborted while sleeping", async () => {
    const reason = new Error("stop");
    await expect(abortableSleep(10, AbortSignal.abort(reason))).rejects.toBe(reason);
    const controller = new AbortController();
    const sleeping = abortableSleep(3_600_000, controller.signal);
    controller.abort(reason);
    await expect(sleeping).rejects.toBe(reason);
  });
});
