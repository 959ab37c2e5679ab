import { describe, expect, it } from "vitest";
import { BufferedResponse } from "./buffered-response.js";

const bytes = () => new TextEncoder().encode('{"id":"t1","name":"ä"}');
const init = { status: 200, statusText: "OK", headers: { "content-type": "application/json" } };

describe("BufferedResponse", () => {
  it("has a Response's status, headers and a readable body", async () => {
    const response: Response = new BufferedResponse(bytes(), init);
    expect(Object.prototype.toString.call(response)).toBe("[object Response]");
    expect([response.status, response.ok, response.statusText]).toEqual([200, true, "OK"]);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ id: "t1", name: "ä" });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it("reads as text, bytes, blob and stream", async () => {
    expect(await new BufferedResponse(bytes(), init).text()).toBe('{"id":"t1","name":"ä"}');
    expect(new Uint8Array(await new BufferedResponse(bytes(), init).arrayBuffer())).toEqual(
      bytes(),
    );
    const blob = await new BufferedResponse(bytes(), init).blob();
    expect([blob.type, blob.size]).toEqual(["application/json", 23]);
    const streamed = new BufferedResponse(bytes(), init);
    expect(await new Response(streamed.body).text()).toBe('{"id":"t1","name":"ä"}');
    expect(streamed.bodyUsed).toBe(true);
    await expect(streamed.json()).rejects.toThrow(TypeError);
  });

  it("clones until read, and has a null body when built without bytes", async () => {
    const original = new BufferedResponse(bytes(), init);
    const copy = original.clone();
    expect(await original.text()).toBe(await copy.text());
    expect(() => original.clone()).toThrow(TypeError);
    const empty = new BufferedResponse(null, { status: 204 });
    expect(empty.body).toBeNull();
    expect(await empty.text()).toBe("");
  });

  it("converts into a standard Response, and refuses statuses a Response refuses", async () => {
    const original = new BufferedResponse(bytes(), {
      ...init,
      status: 404,
      statusText: "Not Found",
    });
    expect(original.ok).toBe(false);
    const standard = new Response(original.body, original);
    expect([standard.status, standard.statusText]).toEqual([404, "Not Found"]);
    expect(standard.headers.get("content-type")).toBe("application/json");
    expect(await standard.json()).toEqual({ id: "t1", name: "ä" });
    expect(() => new BufferedResponse(null, { status: 101 })).toThrow(RangeError);
    expect(new Uint8Array(await new BufferedResponse(bytes(), init).bytes())).toEqual(bytes());
  });

  it("keeps a body once read only as a used stream that refuses to be read", async () => {
    const response = new BufferedResponse(bytes(), init);
    await response.text();
    expect(response.bodyUsed).toBe(true);
    expect(response.body).not.toBeNull();
    await expect(new Response(response.body).text()).rejects.toThrow(TypeError);
    expect(new BufferedResponse(null, { status: 204 }).body).toBeNull();
  });
});
