import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configPath, readConfig, writeConfig } from "./config-store.js";

async function tempEnv(): Promise<NodeJS.ProcessEnv> {
  return { BATCH_CONFIG_DIR: join(await mkdtemp(join(tmpdir(), "batch-config-")), "nested") };
}

describe("config store", () => {
  it("finds the file through BATCH_CONFIG_DIR, then XDG_CONFIG_HOME", () => {
    expect(configPath({ BATCH_CONFIG_DIR: "/a", XDG_CONFIG_HOME: "/b" })).toBe("/a/config.json");
    expect(configPath({ XDG_CONFIG_HOME: "/b" })).toBe("/b/batch/config.json");
    expect(configPath({}, () => "/home/u")).toBe("/home/u/.config/batch/config.json");
  });

  it("names no file when there is no home folder to put it in", () => {
    const noHome = () => {
      throw new Error("uv_os_homedir returned ENOENT");
    };
    expect(configPath({}, noHome)).toBeUndefined();
    expect(configPath({}, () => "")).toBeUndefined();
    expect(configPath({ XDG_CONFIG_HOME: "/b" }, noHome)).toBe("/b/batch/config.json");
  });

  it("reads an absent file as no profiles", async () => {
    expect(readConfig(await tempEnv())).toEqual({ profiles: {} });
  });

  it("writes the file with mode 0600 in a 0700 folder, and reads it back", async () => {
    const env = await tempEnv();
    const config = {
      defaultProfile: "dev",
      profiles: { dev: { endpoint: "http://x:1", accountKey: "k" } },
    };
    const path = await writeConfig(env, config);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(path, ".."))).mode & 0o777).toBe(0o700);
    expect(readConfig(env)).toEqual(config);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual(config);
  });

  it("rejects a file that is not JSON, naming it", async () => {
    const env = await tempEnv();
    await writeConfig(env, { profiles: {} });
    await writeFile(configPath(env) ?? "", "{nope");
    expect(() => readConfig(env)).toThrow(/config\.json is not valid JSON/);
  });
});
