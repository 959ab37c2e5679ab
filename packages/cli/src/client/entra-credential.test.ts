import { describe, expect, it } from "vitest";
import { entraCredential } from "./entra-credential.js";

describe("entraCredential", () => {
  it("builds DefaultAzureCredential from @azure/identity", async () => {
    class DefaultAzureCredential {
      async getToken() {
        return { token: "t", expiresOnTimestamp: 0 };
      }
    }
    const credential = await entraCredential(async (specifier) => {
      expect(specifier).toBe("@azure/identity");
      return { DefaultAzureCredential };
    });
    expect(credential).toBeInstanceOf(DefaultAzureCredential);
  });

  it("fails with exit status 3 and says what to install when the package is missing", async () => {
    await expect(
      entraCredential(async () => {
        throw new Error("Cannot find package '@azure/identity'");
      }),
    ).rejects.toMatchObject({
      exitCode: 3,
      code: "MissingDependency",
      message: expect.stringMatching(/needs the optional package @azure\/identity/),
    });
  });
});
