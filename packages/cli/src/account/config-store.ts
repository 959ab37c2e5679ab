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

export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.BATCH_CONFIG_DIR) return env.BATCH_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(base, "batch");
}

export function configPath(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), "config.json");
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
  const path = configPath(env);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // The mode given to writeFile is masked by the umask; make sure of 0600 either way.
  await chmod(temporary, 0o600);
  await rename(temporary, path);
  return path;
}
