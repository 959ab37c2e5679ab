// Decides which Batch account a command talks to and how it authenticates. Each setting is
// taken from the first place that has it: command-line flags, then az's environment variables
// (AZURE_BATCH_ENDPOINT, AZURE_BATCH_ACCOUNT, AZURE_BATCH_ACCESS_KEY), then the profile chosen
// by --profile, BATCH_PROFILE or the config's default profile.

import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { AuthMode, CliConfig, Profile } from "./config-store.js";

export interface AccountFlags {
  accountEndpoint?: string | undefined;
  accountName?: string | undefined;
  accountKey?: string | undefined;
  auth?: AuthMode | undefined;
  profile?: string | undefined;
}

export type ResolvedAccount =
  | { auth: "sharedkey"; endpoint: string; accountName: string; accountKey: string }
  | { auth: "entra"; endpoint: string };

function missing(message: string): CliError {
  return new CliError(message, { exitCode: ExitCode.auth, code: "MissingAccountSettings" });
}

/** `https://` is added when no scheme is given (as az does); a trailing slash is dropped. */
export function normalizeEndpoint(endpoint: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  return withScheme.replace(/\/+$/, "");
}

/** The account name is the first label of a `<account>.<region>.batch.azure.com` host. */
export function accountNameFromEndpoint(endpoint: string): string | undefined {
  try {
    const host = new URL(endpoint).hostname;
    const match = /^([^.]+)\.[^.]+\.batch\.azure\.com$/i.exec(host);
    return match?.[1];
  } catch {
    return undefined;
  }
}

export function selectProfile(
  flags: AccountFlags,
  env: NodeJS.ProcessEnv,
  config: CliConfig,
): { name: string; profile: Profile } | undefined {
  const named = flags.profile ?? (env.BATCH_PROFILE || undefined);
  if (named !== undefined) {
    const profile = config.profiles[named];
    if (profile === undefined) {
      throw new CliError(`no profile named "${named}"; see \`batch profile list\``, {
        exitCode: ExitCode.usage,
        code: "ProfileNotFound",
      });
    }
    return { name: named, profile };
  }
  const name = config.defaultProfile ?? "default";
  const profile = config.profiles[name];
  return profile === undefined ? undefined : { name, profile };
}

function authFromEnv(env: NodeJS.ProcessEnv): AuthMode | undefined {
  const value = env.BATCH_AUTH || undefined;
  if (value === undefined || value === "sharedkey" || value === "entra") return value;
  throw new CliError(`BATCH_AUTH must be "sharedkey" or "entra", not "${value}"`, {
    exitCode: ExitCode.usage,
    code: "InvalidConfig",
  });
}

export function resolveAccount(
  flags: AccountFlags,
  env: NodeJS.ProcessEnv,
  config: CliConfig,
): ResolvedAccount {
  const profile = selectProfile(flags, env, config)?.profile ?? {};
  const rawEndpoint =
    flags.accountEndpoint ?? (env.AZURE_BATCH_ENDPOINT || undefined) ?? profile.endpoint;
  if (rawEndpoint === undefined) {
    throw missing(
      "no Batch account endpoint: pass --account-endpoint, set AZURE_BATCH_ENDPOINT, or save a profile with `batch profile set`",
    );
  }
  const endpoint = normalizeEndpoint(rawEndpoint);
  const accountKey =
    flags.accountKey ?? (env.AZURE_BATCH_ACCESS_KEY || undefined) ?? profile.accountKey;
  const auth = flags.auth ?? authFromEnv(env) ?? profile.auth ?? "sharedkey";
  if (auth === "entra") return { auth, endpoint };

  const accountName =
    flags.accountName ??
    (env.AZURE_BATCH_ACCOUNT || undefined) ??
    profile.accountName ??
    accountNameFromEndpoint(endpoint);
  if (accountName === undefined) {
    throw missing(
      "no Batch account name: pass --account-name, set AZURE_BATCH_ACCOUNT, or save a profile with `batch profile set`",
    );
  }
  if (accountKey === undefined) {
    throw missing(
      "no account key for Shared Key auth: set AZURE_BATCH_ACCESS_KEY, save a profile with `batch profile set`, or use --auth entra",
    );
  }
  return { auth, endpoint, accountName, accountKey };
}
