// Profiles and account settings through the bundled file: the config file is written 0600,
// flags win over a named profile, which wins over the environment, which wins over the
// default profile; a profile without settings is not saved; a key typed on the command line
// is warned about.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyConfigDir, lines, runBatch } from "../test-support/batch-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";

let emulator: Emulator;
const warning =
  "warning: an account key on the command line is visible to other users and kept in shell history; use AZURE_BATCH_ACCESS_KEY or a profile (`--account-key -` reads it from standard input)";
// Nothing listens here: a request to it fails at once with --max-retries 0.
const nowhere = "http://127.0.0.1:9";

/** `batch profile set <name>` for the emulator's account, the key read from `keyInput`. */
function saveProfile(name: string, configDir: string, keyInput: string) {
  return runBatch(
    [
      "profile",
      "set",
      name,
      "--account-endpoint",
      emulator.url,
      "--account-name",
      emulator.account,
      "--account-key",
      "-",
    ],
    { env: { BATCH_CONFIG_DIR: configDir }, input: keyInput },
  );
}

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
  emulator.service.addJob({ id: "j", poolInfo: { poolId: "p" } });
});

afterAll(async () => {
  await emulator?.close();
});

describe("profiles", () => {
  it("saves a profile with mode 0600, reading the key from stdin, and never shows the key", async () => {
    const configDir = emptyConfigDir();
    const set = await saveProfile("dev", configDir, `${emulator.key}\n`);
    expect(set.code).toBe(0);
    expect(lines(set.stderr)).toEqual([`saved profile "dev" in ${join(configDir, "config.json")}`]);
    expect(set.stdout).not.toContain(emulator.key);
    expect(JSON.parse(set.stdout)).toMatchObject({
      name: "dev",
      default: true,
      accountKey: "<redacted>",
    });
    const path = join(configDir, "config.json");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({
      defaultProfile: "dev",
      profiles: {
        dev: { endpoint: emulator.url, accountName: emulator.account, accountKey: emulator.key },
      },
    });

    const [listed, shown, used] = await Promise.all([
      runBatch(["profile", "list", "-o", "tsv"], { env: { BATCH_CONFIG_DIR: configDir } }),
      runBatch(["profile", "show", "dev", "--query", "accountKey"], {
        env: { BATCH_CONFIG_DIR: configDir },
      }),
      runBatch(["task", "list", "--job-id", "j"], { env: { BATCH_CONFIG_DIR: configDir } }),
    ]);
    expect(listed.stdout).toBe(
      `dev\ttrue\t${emulator.url}\t${emulator.account}\tsharedkey\t<redacted>\n`,
    );
    expect(JSON.parse(shown.stdout)).toBe("<redacted>");
    expect(used.code).toBe(0);
    expect(JSON.parse(used.stdout)).toEqual([]);
  });

  it("takes flags over the environment over the profile, and warns about a key on the command line", async () => {
    const configDir = emptyConfigDir();
    await saveProfile("good", configDir, emulator.key);
    const broken = await runBatch(
      [
        "configure",
        "broken",
        "--account-endpoint",
        nowhere,
        "--account-name",
        emulator.account,
        "--account-key",
        emulator.key,
      ],
      { env: { BATCH_CONFIG_DIR: configDir } },
    );
    expect(lines(broken.stderr)[0]).toBe(warning);
    const base = { BATCH_CONFIG_DIR: configDir };
    const list = ["task", "list", "--job-id", "j", "--max-retries", "0"];
    const [
      profileOnly,
      envOverProfile,
      flagOverEnv,
      namedProfile,
      envProfile,
      keyFlag,
      namedOverEnv,
    ] = await Promise.all([
      runBatch(list, { env: base }),
      runBatch(list, { env: { ...base, AZURE_BATCH_ENDPOINT: nowhere } }),
      runBatch([...list, "--account-endpoint", emulator.url], {
        env: { ...base, AZURE_BATCH_ENDPOINT: nowhere },
      }),
      runBatch([...list, "--profile", "broken"], { env: base }),
      runBatch(list, { env: { ...base, BATCH_PROFILE: "broken" } }),
      runBatch([...list, "--account-key", emulator.key], {
        env: { ...base, AZURE_BATCH_ACCESS_KEY: Buffer.alloc(32, 1).toString("base64") },
      }),
      runBatch([...list, "--profile", "good"], {
        env: {
          ...base,
          AZURE_BATCH_ENDPOINT: nowhere,
          AZURE_BATCH_ACCESS_KEY: Buffer.alloc(32, 1).toString("base64"),
        },
      }),
    ]);
    expect(profileOnly.code).toBe(0);
    expect(envOverProfile.code).toBe(1);
    expect(lines(envOverProfile.stderr)).toEqual([
      expect.stringMatching(/^error: NetworkError: .*ECONNREFUSED/),
    ]);
    expect(flagOverEnv.code).toBe(0);
    expect(namedProfile.code).toBe(1);
    expect(envProfile.code).toBe(1);
    expect(keyFlag.code).toBe(0);
    expect(lines(keyFlag.stderr)).toEqual([warning]);
    expect(profileOnly.stderr).toBe("");
    expect({ code: namedOverEnv.code, stderr: namedOverEnv.stderr }).toEqual({
      code: 0,
      stderr: "",
    });
  });

  it("refuses to save a profile without settings, unless making an existing one the default", async () => {
    const configDir = emptyConfigDir();
    const env = { BATCH_CONFIG_DIR: configDir };
    const [configure, set] = await Promise.all([
      runBatch(["configure"], { env, input: "" }),
      runBatch(["profile", "set", "x"], { env }),
    ]);
    for (const [run, name] of [
      [configure, "default"],
      [set, "x"],
    ] as const) {
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
      expect(lines(run.stderr)).toEqual([
        `error: InvalidInput: no settings to save in profile "${name}": give --account-endpoint, --account-name, --account-key or --auth`,
      ]);
    }
    expect(existsSync(join(configDir, "config.json"))).toBe(false);
    await runBatch(["profile", "set", "a", "--account-endpoint", nowhere], { env });
    await runBatch(["profile", "set", "b", "--account-endpoint", nowhere], { env });
    const madeDefault = await runBatch(["profile", "set", "b", "--default"], { env });
    expect(madeDefault.code).toBe(0);
    expect(JSON.parse(readFileSync(join(configDir, "config.json"), "utf8"))).toMatchObject({
      defaultProfile: "b",
      profiles: { b: { endpoint: nowhere } },
    });
  });

  it("deletes profiles", async () => {
    const configDir = emptyConfigDir();
    await runBatch(
      ["profile", "set", "gone", "--account-endpoint", nowhere, "--account-name", "x"],
      {
        env: { BATCH_CONFIG_DIR: configDir },
      },
    );
    const [deleted, missing] = await Promise.all([
      runBatch(["profile", "delete", "gone"], { env: { BATCH_CONFIG_DIR: configDir } }),
      runBatch(["profile", "delete", "never"], { env: { BATCH_CONFIG_DIR: configDir } }),
    ]);
    expect(JSON.parse(deleted.stdout)).toEqual({ deleted: "gone" });
    expect(missing.code).toBe(4);
    const listed = await runBatch(["profile", "list"], { env: { BATCH_CONFIG_DIR: configDir } });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });
});
