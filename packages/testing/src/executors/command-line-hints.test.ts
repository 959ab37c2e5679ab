import { describe, expect, it } from "vitest";
import { durationHintMs, exitCodeHint } from "./command-line-hints.js";

describe("command line hints", () => {
  it("reads exit codes from shell and cmd command lines", () => {
    expect(exitCodeHint('/bin/sh -c "exit 3"')).toBe(3);
    expect(exitCodeHint("cmd /c exit 7")).toBe(7);
    expect(exitCodeHint("cmd /c exit -1")).toBe(-1);
    expect(exitCodeHint("echo hello")).toBeUndefined();
  });

  it("reads sleep durations in seconds", () => {
    expect(durationHintMs('/bin/sh -c "sleep 2"')).toBe(2000);
    expect(durationHintMs("sleep 0.5")).toBe(500);
    expect(durationHintMs("cmd /c timeout /t 3")).toBe(3000);
    expect(durationHintMs("echo hi")).toBeUndefined();
  });
});
