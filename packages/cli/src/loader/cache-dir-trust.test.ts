import { describe, expect, it } from "vitest";
import { type OwnerAndMode, untrustedReason } from "./cache-dir-trust.js";

function stats(uid: number, mode: number, kind: "folder" | "file"): OwnerAndMode {
  return { uid, mode, isDirectory: () => kind === "folder", isFile: () => kind === "file" };
}

describe("untrustedReason", () => {
  it("accepts a folder or file of this user that nobody else can write", () => {
    expect(untrustedReason(stats(1000, 0o40700, "folder"), "folder", 1000)).toBeUndefined();
    expect(untrustedReason(stats(1000, 0o40755, "folder"), "folder", 1000)).toBeUndefined();
    expect(untrustedReason(stats(1000, 0o100600, "file"), "file", 1000)).toBeUndefined();
  });

  it("refuses one of another user, or one its group or others can write", () => {
    expect(untrustedReason(stats(0, 0o40700, "folder"), "folder", 1000)).toBe(
      "owned by uid 0, not 1000",
    );
    expect(untrustedReason(stats(1000, 0o40770, "folder"), "folder", 1000)).toBe(
      "writable by its group (mode 770)",
    );
    expect(untrustedReason(stats(1000, 0o41777, "folder"), "folder", 1000)).toBe(
      "writable by its group (mode 777)",
    );
    expect(untrustedReason(stats(1000, 0o100602, "file"), "file", 1000)).toBe(
      "writable by others (mode 602)",
    );
  });

  it("refuses a file where a folder belongs and the other way round", () => {
    expect(untrustedReason(stats(1000, 0o100700, "file"), "folder", 1000)).toBe("not a folder");
    expect(untrustedReason(stats(1000, 0o40700, "folder"), "file", 1000)).toBe("not a file");
  });

  it("checks only the kind where the platform has no user ids", () => {
    expect(untrustedReason(stats(0, 0o40777, "folder"), "folder", null)).toBeUndefined();
  });
});
