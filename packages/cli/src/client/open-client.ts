// Builds the Batch client for a command: the account from flags, environment or profile, Shared
// Key or Entra ID, the node:http transport (a short-lived process pays ~100 ms for the first
// use of Node's global fetch), and `--verbose` logging through the client's redacting logger
// plus the bodies (verbose-logger.ts).
import { type BatchClient, createBatchClient } from "@batch/client";
import { nodeHttpFetch } from "@batch/client/node-http";
import { readConfig } from "../account/config-store.js";
import { keyFromStdin, readKeyFromStdin } from "../account/key-from-stdin.js";
import { keyOnCommandLineWarning } from "../account/key-warning.js";
import { resolveAccount } from "../account/resolve-account.js";
import { cliVersion } from "../cli-version.js";
import type { CommandContext } from "../commands/command-context.js";
import { clientTimeoutMs } from "./client-timeout-setting.js";
import { entraCredential } from "./entra-credential.js";
import { maxRetriesSetting } from "./retry-setting.js";
import { sharedKeyCredential } from "./shared-key.js";
import { verboseLogging } from "./verbose-logger.js";

/** `serviceTimeout`: the request's --timeout (seconds), which sets the client's deadline too. */
export async function openClient(
  context: CommandContext,
  serviceTimeout?: number,
): Promise<BatchClient> {
  const { args, io } = context;
  let flags = args;
  if (args.accountKey === keyFromStdin) {
    flags = { ...args, accountKey: await readKeyFromStdin(io.stdin) };
  } else if (args.accountKey !== undefined) {
    context.warn(keyOnCommandLineWarning);
  }
  const account = resolveAccount(flags, io.env, readConfig(io.env));
  const credential =
    account.auth === "entra"
      ? await entraCredential()
      : sharedKeyCredential(account.accountName, account.accountKey, account.keySource);
  const maxRetries = maxRetriesSetting(args.maxRetries, io.env);
  const timeoutMs = clientTimeoutMs(args.clientTimeout, io.env, serviceTimeout);
  const verbose = args.verbose ? verboseLogging(io.stderr, nodeHttpFetch) : undefined;
  return createBatchClient({
    ...(maxRetries === undefined ? {} : { retry: { maxRetries } }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    endpoint: account.endpoint,
    credential,
    fetch: verbose?.fetch ?? nodeHttpFetch,
    userAgent: `batch-cli/${cliVersion}`,
    ...(verbose === undefined ? {} : { logger: verbose.logger }),
  });
}
