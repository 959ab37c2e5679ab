import { describe, expect, it } from "vitest";
import { debugNotes } from "./debug-notes.js";

describe("debugNotes", () => {
  it("writes one line per message, prefixed with its topic, when BATCH_DEBUG is set", () => {
    const written: string[] = [];
    const debug = debugNotes({ BATCH_DEBUG: "1" }, "code cache", (text) => written.push(text));
    debug?.("wrote x");
    expect(written).toEqual(["batch: code cache: wrote x\n"]);
  });

  it("is off when BATCH_DEBUG is unset, empty or 0", () => {
    expect(debugNotes({}, "code cache")).toBeUndefined();
    expect(debugNotes({ BATCH_DEBUG: "" }, "code cache")).toBeUndefined();
    expect(debugNotes({ BATCH_DEBUG: "0" }, "code cache")).toBeUndefined();
  });
});
