// Decides which Batch account a command talks to and how it authenticates. Each setting is
// taken from the first place that has it: command-line flags, then a profile named by
// --profile or BATCH_PROFILE, then az's environment variables (AZURE_BATCH_ENDPOINT,
// AZURE_BATCH_ACCOUNT, AZURE_BATCH_ACCESS_KEY, and BATCH_AUTH), then the config's default
// profile. A profile asked for by name is what the user chose for this run, so the
// environment only fills what it leaves out; the default profile is only a fallback.

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
  | {
      auth: "sharedkey";
      endpoint: string;
      accountName: string;
      accountKey: string;
      /** Where the key came from, for an error about it: "--account-key", a variable, a profile. */
      keySource: string;
    }
  | { auth: "entra"; endpoint: string };

function missing(message: string): CliError {
  return new CliError(message, { exitCode: ExitCode.auth, code: "MissingAccountSettings" });
}

/** A profile that is not in the config file: exit status 4, like a job or task not found. */
export function profileNotFound(name: string): CliError {
  return new CliError(`no profile named "${name}"; see \`batch profile list\``, {
    exitCode: ExitCode.notFound,
    code: "ProfileNotFound",
  });
}

/**
 * The account URL: `https://` is added when no scheme is given (as az does) and a trailing
 * slash is dropped. Anything that is not then an http(s) URL without query or fragment is a
 * usage error (InvalidEndpoint), said before any request.
 */
export function normalizeEndpoint(endpoint: string, source = "--account-endpoint"): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  const normalized = withScheme.replace(/\/+$/, "");
  let url: URL | undefined;
  try {
    url = new URL(normalized);
  } catch {
    url = undefined;
  }
  if (
    url === undefined ||
    (url.protocol !== "https:" && url.protocol !== "http:") ||
    url.hostname === "" ||
    url.search !== "" ||
    url.hash !== ""
  ) {
    throw new CliError(
      `${source} must be the account's URL, such as https://myaccount.westeurope.batch.azure.com, not ${JSON.stringify(endpoint)}`,
      { exitCode: ExitCode.usage, code: "InvalidEndpoint" },
    );
  }
  return normalized;
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

function selectProfile(
  flags: AccountFlags,
  env: NodeJS.ProcessEnv,
  config: CliConfig,
): { name: string; profile: Profile; named: boolean } | undefined {
  const named = flags.profile ?? (env.BATCH_PROFILE || undefined);
  if (named !== undefined) {
    const profile = config.profiles[named];
    if (profile === undefined) throw profileNotFound(named);
    return { name: named, profile, named: true };
  }
  const name = config.defaultProfile ?? "default";
  const profile = config.profiles[name];
  return profile === undefined ? undefined : { name, profile, named: false };
}

/** The candidates for one setting, in the order above. */
function inOrder<T>(
  named: boolean,
  flag: T,
  fromEnv: T,
  fromProfile: T,
): [flag: T, first: T, second: T] {
  return named ? [flag, fromProfile, fromEnv] : [flag, fromEnv, fromProfile];
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
  const selected = selectProfile(flags, env, config);
  const profile = selected?.profile ?? {};
  const fromProfile = `profile "${selected?.name}"`;
  const named = selected?.named ?? false;
  const [rawEndpoint, endpointSource] = firstOf(
    inOrder<[string | undefined, string]>(
      named,
      [flags.accountEndpoint, "--account-endpoint"],
      [env.AZURE_BATCH_ENDPOINT || undefined, "AZURE_BATCH_ENDPOINT"],
      [profile.endpoint, `the endpoint of ${fromProfile}`],
    ),
  );
  if (rawEndpoint === undefined) {
    throw missing(
      "no Batch account endpoint: pass --account-endpoint, set AZURE_BATCH_ENDPOINT, or save a profile with `batch profile set`",
    );
  }
  const endpoint = normalizeEndpoint(rawEndpoint, endpointSource);
  const [accountKey, keySource] = firstOf(
    inOrder<[string | undefined, string]>(
      named,
      [flags.accountKey, "--account-key"],
      [env.AZURE_BATCH_ACCESS_KEY || undefined, "AZURE_BATCH_ACCESS_KEY"],
      [profile.accountKey, `the key of ${fromProfile}`],
    ),
  );
  const [authFlag, authFirst, authSecond] = inOrder(
    named,
    flags.auth,
    authFromEnv(env),
    profile.auth,
  );
  const auth = authFlag ?? authFirst ?? authSecond ?? "sharedkey";
  if (auth === "entra") return { auth, endpoint };

  const [nameFlag, nameFirst, nameSecond] = inOrder(
    named,
    flags.accountName,
    env.AZURE_BATCH_ACCOUNT || undefined,
    profile.accountName,
  );
  const accountName = nameFlag ?? nameFirst ?? nameSecond ?? accountNameFromEndpoint(endpoint);
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
  return { auth, endpoint, accountName, accountKey, keySource };
}

/** The first defined value and where it came from. */
function firstOf(
  candidates: readonly [value: string | undefined, source: string][],
): [string, string] | [undefined, undefined] {
  for (const [value, source] of candidates) if (value !== undefined) return [value, source];
  return [undefined, undefined];
}
