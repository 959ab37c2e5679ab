import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalizedQueryVariants, decodeQueryComponent } from "./query-canonicalization.js";

describe("decodeQueryComponent", () => {
  it.each([
    ["state%20eq%20%27active%27", "state eq 'active'"],
    ["id%2Cstate", "id,state"],
    ["a+b", "a b"],
    ["a%2Bb", "a+b"],
    ["t%C3%A4", "tä"],
    ["%F0%9F%98%80", "😀"],
    ["100%", "100%"],
    ["%ZZ%2", "%ZZ%2"],
    ["%E4", "\uFFFD"],
    ["", ""],
  ])("decodes %j as %j", (raw, decoded) => {
    expect(decodeQueryComponent(raw)).toBe(decoded);
  });

  it("inverts encodeURIComponent and never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(decodeQueryComponent(encodeURIComponent(text))).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii" }), (text) => {
        expect(typeof decodeQueryComponent(text)).toBe("string");
      }),
    );
  });
});

describe("canonicalizedQueryVariants", () => {
  it("sorts names by code point and decodes values", () => {
    expect(
      canonicalizedQueryVariants("timeout=30&api-version=1&%24filter=a%20b&$select=id%2Cstate&Z=1"),
    ).toEqual(["\n$filter:a b\n$select:id,state\nZ:1\napi-version:1\ntimeout:30"]);
  });

  it("keeps the first value of a repeated name", () => {
    expect(canonicalizedQueryVariants("a=1&a=2&b=3")).toEqual(["\na:1\nb:3"]);
  });

  it("offers empty values kept (JavaScript) and dropped (Python)", () => {
    expect(canonicalizedQueryVariants("a=1&empty=&flag")).toEqual([
      "\na:1\nempty:\nflag:",
      "\na:1",
    ]);
    // Python drops the empty value before picking the first one.
    expect(canonicalizedQueryVariants("a=&a=2")).toEqual(["\na:", "\na:2"]);
  });

  it("ignores empty segments and nameless parameters", () => {
    expect(canonicalizedQueryVariants("&&a=1&=x&")).toEqual(["\na:1"]);
    expect(canonicalizedQueryVariants("")).toEqual([""]);
  });
});
