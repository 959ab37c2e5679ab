import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { devKey } from "../test-support/scripted-fetch.js";
import { SharedKeyCredential } from "./shared-key-credential.js";

describe("SharedKeyCredential", () => {
  it("never exposes the key through properties, JSON or inspect", () => {
    const credential = new SharedKeyCredential("devaccount", devKey);
    expect(Object.keys(credential)).toEqual(["accountName"]);
    expect(Object.getOwnPropertyNames(credential)).toEqual(["accountName"]);
    expect(JSON.stringify(credential)).toBe('{"accountName":"devaccount"}');
    expect(inspect(credential, { showHidden: true, depth: 10 })).toBe(
      "SharedKeyCredential { accountName: 'devaccount' }",
    );
    expect(JSON.stringify({ ...credential })).not.toContain(devKey);
  });

  it("refuses a key that is not base64 without echoing it", () => {
    let message = "";
    try {
      new SharedKeyCredential("devaccount", "not-a-key!!");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("base64");
    expect(message).not.toContain("not-a-key");
    expect(() => new SharedKeyCredential("", devKey)).toThrow(/accountName/);
  });

  it("computes HMAC-SHA256 under the decoded key", async () => {
    // The same MAC computed independently with node:crypto.
    const { createHmac } = await import("node:crypto");
    const expected = createHmac("sha256", Buffer.from(devKey, "base64"))
      .update("abc")
      .digest("base64");
    expect(await new SharedKeyCredential("a", devKey).computeSignature("abc")).toBe(expected);
  });
});
