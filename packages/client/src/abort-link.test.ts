import { describe, expect, it } from "vitest";
import { linkAbort } from "./abort-link.js";

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
