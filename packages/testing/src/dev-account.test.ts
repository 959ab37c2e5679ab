import { describe, expect, it } from "vitest";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "./dev-account.js";

describe("development account", () => {
  it("is a valid account name and a 32-byte base64 key", () => {
    expect(DEV_ACCOUNT_NAME).toMatch(/^[a-z0-9]{3,24}$/);
    const key = Buffer.from(DEV_ACCOUNT_KEY, "base64");
    expect([...key]).toEqual(Array.from({ length: 32 }, (_, i) => i));
  });
});
