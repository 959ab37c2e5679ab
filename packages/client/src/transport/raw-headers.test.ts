import { describe, expect, it } from "vitest";
import { RawHeaders } from "./raw-headers.js";

const raw = [
  "Content-Type",
  "application/json",
  "ETag",
  '"0x1"',
  "Set-Cookie",
  "a=1",
  "set-cookie",
  "b=2",
];

describe("RawHeaders", () => {
  it("reads node's rawHeaders as a Headers does", () => {
    const light = new RawHeaders(raw);
    const real = new Headers();
    for (let i = 0; i < raw.length; i += 2) real.append(raw[i]!, raw[i + 1]!);
    expect(light.get("etag")).toBe(real.get("etag"));
    expect(light.get("CONTENT-TYPE")).toBe("application/json");
    expect(light.get("missing")).toBeNull();
    expect(light.has("Etag")).toBe(true);
    expect(light.getSetCookie()).toEqual(real.getSetCookie());
    expect([...light.keys()]).toEqual(["content-type", "etag", "set-cookie"]);
    expect(light.get("set-cookie")).toBe("a=1, b=2");
    expect(Object.fromEntries(new Headers(light))).toEqual({
      "content-type": "application/json",
      etag: '"0x1"',
      "set-cookie": "a=1, b=2",
    });
    const visited: string[] = [];
    light.forEach((value, name) => {
      visited.push(`${name}:${value}`);
    });
    expect(visited).toEqual([...light].map(([name, value]) => `${name}:${value}`));
  });

  it("is immutable, as a received response's headers are", () => {
    const light = new RawHeaders(raw);
    expect(() => light.set()).toThrow(TypeError);
    expect(() => light.append()).toThrow(TypeError);
    expect(() => light.delete()).toThrow(TypeError);
  });
});
