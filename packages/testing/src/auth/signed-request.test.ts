import { describe, expect, it } from "vitest";
import { signedRequestFrom } from "./signed-request.js";

describe("signedRequestFrom", () => {
  it("splits a raw request target without decoding or re-encoding it", () => {
    const request = signedRequestFrom("GET", "/jobs/j%201/tasks?$filter=id%20eq%20'a'&x=1", {});
    expect(request.rawPath).toBe("/jobs/j%201/tasks");
    expect(request.rawQuery).toBe("$filter=id%20eq%20'a'&x=1");
  });

  it("accepts absolute URLs, as msw handlers see them, and drops fragments", () => {
    const request = signedRequestFrom(
      "GET",
      "http://127.0.0.1:8080/jobs/j1?api-version=1#frag",
      {},
    );
    expect(request.rawPath).toBe("/jobs/j1");
    expect(request.rawQuery).toBe("api-version=1");
    expect(signedRequestFrom("GET", "https://host", {}).rawPath).toBe("/");
    expect(signedRequestFrom("GET", "https://host?a=1", {}).rawQuery).toBe("a=1");
  });

  it("looks headers up case-insensitively, from plain objects or Headers", () => {
    const fromObject = signedRequestFrom("GET", "/", {
      "Content-Type": "application/json",
      "x-list": ["a", "b"],
      "content-length": 3,
      absent: undefined,
    });
    expect(fromObject.header("content-type")).toBe("application/json");
    expect(fromObject.header("X-LIST")).toBe("a, b");
    expect(fromObject.header("Content-Length")).toBe("3");
    expect(fromObject.header("absent")).toBeUndefined();
    expect([...(fromObject.headerNames?.() ?? [])]).toEqual([
      "content-type",
      "x-list",
      "content-length",
    ]);

    const fromHeaders = signedRequestFrom("GET", "/", new Headers({ "OCP-Date": "d" }));
    expect(fromHeaders.header("ocp-date")).toBe("d");
    expect([...(fromHeaders.headerNames?.() ?? [])]).toEqual(["ocp-date"]);
  });
});
