import { describe, expect, it } from "vitest";
import { linkAbort, untilAborted } from "./abort-link.js";

describe("linkAbort", () => {
  it("aborts the child with the parent's reason until unlinked", () => {
    const parent = new AbortController();
    const child = new AbortController();
    const unlink = linkAbort(parent.signal, child);
    parent.abort("why");
    expect(child.signal.aborted).toBe(true);
    expect(child.signal.reason).toBe("why");
    unlink();
  });

  it("does nothing after unlinking, and aborts at once for an aborted parent", () => {
    const parent = new AbortController();
    const child = new AbortController();
    linkAbort(parent.signal, child)();
    parent.abort();
    expect(child.signal.aborted).toBe(false);
    const late = new AbortController();
    linkAbort(AbortSignal.abort("early"), late);
    expect(late.signal.reason).toBe("early");
    expect(linkAbort(undefined, new AbortController())).toBeTypeOf("function");
  });
});

describe("untilAborted", () => {
  it("settles as the promise does, or with the signal's reason as soon as it aborts", async () => {
    await expect(untilAborted(Promise.resolve(1), undefined)).resolves.toBe(1);
    await expect(untilAborted(Promise.resolve(2), new AbortController().signal)).resolves.toBe(2);
    await expect(
      untilAborted(Promise.reject(new Error("no")), new AbortController().signal),
    ).rejects.toThrow("no");
    await expect(untilAborted(Promise.resolve(3), AbortSignal.abort("early"))).rejects.toBe(
      "early",
    );
    const controller = new AbortController();
    let fail: (error: Error) => void = () => undefined;
    const never = new Promise<number>((_resolve, reject) => {
      fail = reject;
    });
    const waiting = untilAborted(never, controller.signal);
    controller.abort("late");
    await expect(waiting).rejects.toBe("late");
    // the abandoned promise's own failure later is handled, not an unhandled rejection
    fail(new Error("after the abort"));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
