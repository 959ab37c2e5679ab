import { describe, expect, it } from "vitest";
import { loaderDebug } from "./loader-debug.js";

describe("loaderDebug", () => {
  it("writes one prefixed line per message when BATCH_DEBUG is set", () => {
    const written: string[] = [];
    const debug = loaderDebug({ BATCH_DEBUG: "1" }, (text) => written.push(text));
    debug?.("wrote x");
    expect(written).toEqual(["batch: code cache: wrote x\n"]);
  });

  it("is off when BATCH_DEBUG is unset, empty or 0", () => {
    expect(loaderDebug({})).toBeUndefined();
    expect(loaderDebug({ BATCH_DEBUG: "" })).toBeUndefined();
    expect(loaderDebug({ BATCH_DEBUG: "0" })).toBeUndefined();
  });
});
