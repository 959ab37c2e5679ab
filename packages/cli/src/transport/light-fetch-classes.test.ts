import { describe, expect, it } from "vitest";
import { LightHeaders, LightRequest, LightResponse } from "./light-fetch-classes.js";

describe("LightHeaders", () => {
  it("matches names without case, combines repeated values and iterates sorted", () => {
    const headers = new LightHeaders({ "Content-Type": "application/json", "X-B": "1" });
    headers.append("x-b", "2");
    headers.set("ETag", ' "0x1" ');
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.get("X-b")).toBe("1, 2");
    expect(headers.get("etag")).toBe('"0x1"');
    expect(headers.has("ETAG")).toBe(true);
    expect([...headers]).toEqual([
      ["content-type", "application/json"],
      ["etag", '"0x1"'],
      ["x-b", "1, 2"],
    ]);
    headers.delete("X-B");
    expect(headers.get("x-b")).toBeNull();
  });

  it("copies other headers, records and pairs, and refuses header injection", () => {
    const source = new LightHeaders([["a", "1"]]);
    expect(new LightHeaders(source).get("a")).toBe("1");
    expect(new LightHeaders(new Headers({ b: "2" })).get("b")).toBe("2");
    expect(() => new LightHeaders({ a: "x\r\nInjected: yes" })).toThrow(TypeError);
    expect(() => new LightHeaders({ "bad name": "x" })).toThrow(TypeError);
  });
});

describe("LightRequest", () => {
  it("normalises the URL and method and reads the body once", async () => {
    const request = new LightRequest("http://h/jobs/a b?x=1", {
      method: "post",
      headers: { "content-type": "application/json" },
      body: '{"id":"t"}',
    });
    expect(request.url).toBe("http://h/jobs/a%20b?x=1");
    expect(request.method).toBe("POST");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.body).not.toBeNull();
    expect(await request.text()).toBe('{"id":"t"}');
    expect(request.bodyUsed).toBe(true);
    await expect(request.text()).rejects.toThrow(/already used/);
  });

  it("copies another request, has a signal, and refuses a body on GET", async () => {
    const controller = new AbortController();
    const original = new LightRequest("http://h/x", {
      method: "PUT",
      body: new Uint8Array([1, 2]),
      signal: controller.signal,
    });
    const copy = new LightRequest(original, { headers: { a: "1" } });
    expect(copy.method).toBe("PUT");
    expect(copy.signal).toBe(controller.signal);
    expect(new Uint8Array(await copy.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
    expect(new LightRequest("http://h/").signal.aborted).toBe(false);
    expect(new LightRequest("http://h/").body).toBeNull();
    expect(() => new LightRequest("http://h/", { body: "x" })).toThrow(TypeError);
  });
});

describe("LightResponse", () => {
  it("exposes status, ok, headers and a JSON or text body", async () => {
    const response = new LightResponse(Buffer.from('{"a":1}'), {
      status: 201,
      statusText: "Created",
      headers: { "request-id": "r" },
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(201);
    expect(response.headers.get("Request-Id")).toBe("r");
    expect(await response.clone().json()).toEqual({ a: 1 });
    expect(await response.text()).toBe('{"a":1}');
    const failed = new LightResponse(null, { status: 404 });
    expect(failed.ok).toBe(false);
    expect(failed.body).toBeNull();
    expect(await failed.text()).toBe("");
  });

  it("gives a stream for the body when asked", async () => {
    const response = new LightResponse("hello");
    const reader = response.body?.getReader();
    const chunk = await reader?.read();
    expect(new TextDecoder().decode(chunk?.value)).toBe("hello");
    expect(response.headers.get("content-type")).toBe("text/plain;charset=UTF-8");
  });
});
