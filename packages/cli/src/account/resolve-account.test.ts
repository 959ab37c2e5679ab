import { describe, expect, it } from "vitest";
import type { CliConfig } from "./config-store.js";
import { accountNameFromEndpoint, normalizeEndpoint, resolveAccount } from "./resolve-account.js";

const config: CliConfig = {
  defaultProfile: "dev",
  profiles: {
    dev: {
      endpoint: "http://profile:1",
      accountName: "profile-account",
      accountKey: "profile-key",
    },
    other: { endpoint: "http://other:1", accountName: "other-account", accountKey: "other-key" },
    entra: { endpoint: "https://acct.westus.batch.azure.com", auth: "entra" },
  },
};
const env = {
  AZURE_BATCH_ENDPOINT: "http://env:1",
  AZURE_BATCH_ACCOUNT: "env-account",
  AZURE_BATCH_ACCESS_KEY: "env-key",
};

describe("resolveAccount", () => {
  it("takes each setting from flags, then the environment, then the profile", () => {
    expect(resolveAccount({}, {}, config)).toEqual({
      auth: "sharedkey",
      endpoint: "http://profile:1",
      accountName: "profile-account",
      accountKey: "profile-key",
      keySource: 'the key of profile "dev"',
    });
    expect(resolveAccount({}, env, config)).toEqual({
      auth: "sharedkey",
      endpoint: "http://env:1",
      accountName: "env-account",
      accountKey: "env-key",
      keySource: "AZURE_BATCH_ACCESS_KEY",
    });
    expect(
      resolveAccount(
        { accountEndpoint: "http://flag:1", accountName: "flag-account", accountKey: "flag-key" },
        env,
        config,
      ),
    ).toEqual({
      auth: "sharedkey",
      endpoint: "http://flag:1",
      accountName: "flag-account",
      accountKey: "flag-key",
      keySource: "--account-key",
    });
    expect(
      resolveAccount(
        { accountName: "flag-account" },
        { AZURE_BATCH_ACCESS_KEY: "env-key" },
        config,
      ),
    ).toEqual({
      auth: "sharedkey",
      endpoint: "http://profile:1",
      accountName: "flag-account",
      accountKey: "env-key",
      keySource: "AZURE_BATCH_ACCESS_KEY",
    });
  });

  it("picks the profile from --profile, then BATCH_PROFILE, then the default", () => {
    expect(resolveAccount({ profile: "other" }, { BATCH_PROFILE: "dev" }, config)).toMatchObject({
      endpoint: "http://other:1",
    });
    expect(resolveAccount({}, { BATCH_PROFILE: "other" }, config)).toMatchObject({
      endpoint: "http://other:1",
    });
    expect(() => resolveAccount({ profile: "missing" }, {}, config)).toThrow(
      expect.objectContaining({
        exitCode: 4,
        code: "ProfileNotFound",
        message: expect.stringMatching(/no profile named "missing"/),
      }),
    );
    expect(() => resolveAccount({}, { BATCH_PROFILE: "missing" }, config)).toThrow(
      expect.objectContaining({ exitCode: 4, code: "ProfileNotFound" }),
    );
  });

  it("lets a profile named by --profile or BATCH_PROFILE win over the environment, flags over both", () => {
    const other = {
      auth: "sharedkey",
      endpoint: "http://other:1",
      accountName: "other-account",
      accountKey: "other-key",
      keySource: 'the key of profile "other"',
    };
    expect(resolveAccount({ profile: "other" }, env, config)).toEqual(other);
    expect(resolveAccount({}, { ...env, BATCH_PROFILE: "other" }, config)).toEqual(other);
    expect(
      resolveAccount({ profile: "other", accountEndpoint: "http://flag:1" }, env, config),
    ).toEqual({ ...other, endpoint: "http://flag:1" });
    // The environment still fills what the named profile leaves out.
    expect(
      resolveAccount({ profile: "entra" }, { ...env, BATCH_AUTH: "sharedkey" }, config),
    ).toEqual({ auth: "entra", endpoint: "https://acct.westus.batch.azure.com" });
    const keyless: CliConfig = { profiles: { p: { endpoint: "http://p:1", accountName: "p" } } };
    expect(resolveAccount({ profile: "p" }, env, keyless)).toMatchObject({
      endpoint: "http://p:1",
      accountName: "p",
      accountKey: "env-key",
      keySource: "AZURE_BATCH_ACCESS_KEY",
    });
  });

  it("needs no key for Entra ID", () => {
    expect(resolveAccount({ profile: "entra" }, {}, config)).toEqual({
      auth: "entra",
      endpoint: "https://acct.westus.batch.azure.com",
    });
  });

  it("says what is missing, with exit status 3", () => {
    const empty: CliConfig = { profiles: {} };
    expect(() => resolveAccount({}, {}, empty)).toThrow(
      expect.objectContaining({
        exitCode: 3,
        message: expect.stringMatching(/no Batch account endpoint/),
      }),
    );
    expect(() => resolveAccount({ accountEndpoint: "http://x:1" }, {}, empty)).toThrow(
      /no Batch account name/,
    );
    expect(() =>
      resolveAccount({ accountEndpoint: "http://x:1", accountName: "a" }, {}, empty),
    ).toThrow(/no account key/);
    expect(() => resolveAccount({}, { BATCH_AUTH: "magic" }, config)).toThrow(/BATCH_AUTH/);
  });
});

describe("endpoints", () => {
  it("adds https:// when no scheme is given and drops trailing slashes", () => {
    expect(normalizeEndpoint("acct.westus.batch.azure.com/")).toBe(
      "https://acct.westus.batch.azure.com",
    );
    expect(normalizeEndpoint("http://127.0.0.1:10000")).toBe("http://127.0.0.1:10000");
  });

  it("refuses what is not an http(s) URL without query, naming where it came from", () => {
    for (const bad of ["not a url", "ftp://host", "https://", "https://h/?x=1", "https://h/#f"]) {
      expect(() => normalizeEndpoint(bad, "AZURE_BATCH_ENDPOINT")).toThrow(
        expect.objectContaining({
          exitCode: 2,
          code: "InvalidEndpoint",
          message: expect.stringMatching(/^AZURE_BATCH_ENDPOINT must be the account's URL/),
        }),
      );
    }
  });

  it("says where the key came from, for errors about it", () => {
    const withKey: CliConfig = {
      defaultProfile: "p",
      profiles: { p: { endpoint: "http://x:1", accountName: "a", accountKey: "k" } },
    };
    expect(resolveAccount({ profile: "p" }, {}, withKey)).toMatchObject({
      keySource: 'the key of profile "p"',
    });
    expect(resolveAccount({}, { AZURE_BATCH_ACCESS_KEY: "e" }, withKey)).toMatchObject({
      accountKey: "e",
      keySource: "AZURE_BATCH_ACCESS_KEY",
    });
    expect(resolveAccount({ profile: "p", accountKey: "f" }, {}, withKey)).toMatchObject({
      accountKey: "f",
      keySource: "--account-key",
    });
  });

  it("reads the account name from a Batch host name", () => {
    expect(accountNameFromEndpoint("https://acct.westus.batch.azure.com")).toBe("acct");
    expect(accountNameFromEndpoint("http://127.0.0.1:10000")).toBeUndefined();
  });
});
