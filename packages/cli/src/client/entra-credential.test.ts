// `--auth entra`: the credential built from @azure/identity, in the unit and from the bundle,
// where the package is loaded at run time from next to dist/batch.mjs (never bundled).
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundlePath, runBatch } from "../test-support/batch-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";
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

// A stand-in for @azure/identity: an ES module whose token names the scopes it was asked for,
// so the emulator's bearer check sees both that the token came from it and what was asked.
const fakeIdentity = `export class DefaultAzureCredential {
  async getToken(scopes) {
    const asked = Buffer.from(JSON.stringify(scopes)).toString("base64url");
    return { token: "fake-entra." + asked, expiresOnTimestamp: Date.now() + 3600000 };
  }
}
`;

function bundleWithFakeIdentity(): string {
  const dir = mkdtempSync(join(tmpdir(), "batch-entra-"));
  copyFileSync(bundlePath, join(dir, "batch.mjs"));
  const identity = join(dir, "node_modules", "@azure", "identity");
  mkdirSync(identity, { recursive: true });
  writeFileSync(
    join(identity, "package.json"),
    JSON.stringify({
      name: "@azure/identity",
      version: "4.0.0",
      type: "module",
      exports: { ".": "./index.js" },
    }),
  );
  writeFileSync(join(identity, "index.js"), fakeIdentity);
  return join(dir, "batch.mjs");
}

describe("--auth entra from the bundle", () => {
  it("loads @azure/identity installed next to batch.mjs and sends its bearer token", async () => {
    const tokens: string[] = [];
    const { emulator, env: withKey } = await startTestEmulator({
      bearer: (token) => {
        tokens.push(token);
        return token.startsWith("fake-entra.");
      },
    });
    try {
      emulator.service.addJob({ id: "j", poolInfo: { poolId: "p" } });
      const { AZURE_BATCH_ACCESS_KEY: _key, ...env } = withKey;
      // Run from another folder: the package is found next to the bundle, not in the cwd.
      const run = await runBatch(["job", "get", "--job-id", "j", "--auth", "entra", "-o", "json"], {
        env,
        bundle: bundleWithFakeIdentity(),
        cwd: mkdtempSync(join(tmpdir(), "batch-entra-cwd-")),
      });
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
      expect(JSON.parse(run.stdout)).toMatchObject({ id: "j", poolInfo: { poolId: "p" } });
      expect(tokens.length).toBeGreaterThan(0);
      for (const token of tokens) {
        const asked = JSON.parse(
          Buffer.from(token.slice("fake-entra.".length), "base64url").toString(),
        ) as unknown;
        expect([asked].flat()).toEqual(["https://batch.core.windows.net//.default"]);
      }
    } finally {
      await emulator.close();
    }
  });
});
