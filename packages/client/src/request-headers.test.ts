import { describe, expect, it } from "vitest";
import { headersInit, RequestHeaders } from "./request-headers.js";

describe("RequestHeaders", () => {
  it("ignores the case of names and visits them lower-cased in sorted order, like Headers", () => {
    const headers = new RequestHeaders();
    headers.set("User-Agent", "ua");
    headers.set("Authorization", "SharedKey a:b");
    headers.set("ocp-date", "d");
    expect(headers.get("user-agent")).toBe("ua");
    expect(headers.has("AUTHORIZATION")).toBe(true);
    const seen: string[] = [];
    headers.forEach((value, name) => {
      seen.push(`${name}=${value}`);
    });
    const reference: string[] = [];
    new Headers({ "User-Agent": "ua", Authorization: "SharedKey a:b", "ocp-date": "d" }).forEach(
      (value, name) => {
        reference.push(`${name}=${value}`);
      },
    );
    expect(seen).toEqual(reference);
    headers.delete("Ocp-Date");
    expect(headers.get("ocp-date")).toBeNull();
  });

  it("refuses values with line breaks, as Headers does, with a client BatchError", () => {
    const headers = new RequestHeaders();
    expect(() => headers.set("client-request-id", "a\r\nx-injected: 1")).toThrow(
      expect.objectContaining({ name: "BatchError", kind: "client", code: "InvalidHeaderValue" }),
    );
    expect(() => new Headers().set("client-request-id", "a\r\nx-injected: 1")).toThrow(TypeError);
  });

  it("hands transports a plain record, or a Headers as it is", () => {
    const headers = new RequestHeaders();
    headers.set("If-Match", '"0x1"');
    expect(headersInit(headers)).toEqual({ "if-match": '"0x1"' });
    const real = new Headers({ a: "1" });
    expect(headersInit(real)).toBe(real);
  });
});
