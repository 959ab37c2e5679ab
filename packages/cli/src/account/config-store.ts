// The config file that holds named profiles: `$BATCH_CONFIG_DIR/config.json`, else
// `$XDG_CONFIG_HOME/batch/config.json`, else `~/.config/batch/config.json`. It may hold account
// keys, so the folder is created 0700 and the file is always written 0600 (through a temporary
// file and a rename, so a crash never leaves half a file).
import { readFileSync } from "node:fs";
import { chmod, mkdir, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";

export type AuthMode = "sharedkey" | "entra";

export interface Profile {
  endpoint?: string;
  accountName?: string;
  accountKey?: string;
  auth?: AuthMode;
}

export interface CliConfig {
  defaultProfile?: string;
  profiles: Record<string, Profile>;
}

/**
 * The config folder, or undefined when none can be named: no BATCH_CONFIG_DIR or
 * XDG_CONFIG_HOME, and no home folder (HOME unset for a user without a passwd entry makes
 * homedir() throw). Reading then finds no profiles; saving one says what to set.
 */
export function configDir(
  env: NodeJS.ProcessEnv,
  home: () => string = homedir,
): string | undefined {
  if (env.BATCH_CONFIG_DIR) return env.BATCH_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, "batch");
  try {
    const base = home();
    return base === "" ? undefined : join(base, ".config", "batch");
  } catch {
    return undefined;
  }
}

export function configPath(env: NodeJS.ProcessEnv, home?: () => string): string | undefined {
  const dir = configDir(env, home);
  return dir === undefined ? undefined : join(dir, "config.json");
}

function configError(path: string, reason: string): CliError {
  return new CliError(`config file ${path} ${reason}`, {
    exitCode: ExitCode.usage,
    code: "InvalidConfig",
  });
}

// Read synchronously: every command that talks to the service reads it first, and the
// promise-based fs module costs a short-lived process more to load than the read itself.
export function readConfig(env: NodeJS.ProcessEnv): CliConfig {
  const path = configPath(env);
  if (path === undefined) return { profiles: {} };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { profiles: {} };
    throw configError(path, `cannot be read: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw configError(path, `is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw configError(path, "must hold a JSON object");
  }
  const { defaultProfile, profiles } = parsed as { defaultProfile?: unknown; profiles?: unknown };
  if (profiles !== undefined && (typeof profiles !== "object" || profiles === null)) {
    throw configError(path, `has a "profiles" entry that is not an object`);
  }
  return {
    ...(typeof defaultProfile === "string" ? { defaultProfile } : {}),
    profiles: (profiles ?? {}) as Record<string, Profile>,
  };
}

export async function writeConfig(env: NodeJS.ProcessEnv, config: CliConfig): Promise<string> {
  const dir = configDir(env);
  if (dir === undefined) {
    throw new CliError(
      "no folder for the config file: HOME is not set and this user has no home folder; set BATCH_CONFIG_DIR",
      { exitCode: ExitCode.usage, code: "ConfigDirUnavailable" },
    );
  }
  const path = join(dir, "config.json");
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // The mode given to writeFile is masked by the umask; make sure of 0600 either way.
  await chmod(temporary, 0o600);
  await rename(temporary, path);
  return path;
}
