// The Shared Key credential from the account settings. The client refuses a key that is not
// base64 (or an empty account name) with a TypeError named after its class; here that becomes
// a CLI error with a code, saying which setting to fix, and exit status 3 (authentication).
import { SharedKeyCredential } from "@batch/client";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** `keySource` names where the key came from (--account-key, AZURE_BATCH_ACCESS_KEY, a profile). */
export function sharedKeyCredential(
  accountName: string,
  accountKey: string,
  keySource: string,
): SharedKeyCredential {
  if (accountName.trim() === "") {
    throw new CliError(
      "the account name is empty: pass --account-name or set AZURE_BATCH_ACCOUNT",
      {
        exitCode: ExitCode.auth,
        code: "InvalidAccountName",
      },
    );
  }
  try {
    return new SharedKeyCredential(accountName, accountKey);
  } catch {
    // The client's message is generic; the key itself is never echoed.
    throw new CliError(
      `${keySource} is not an account key: give the base64 access key shown by the portal or \`az batch account keys list\``,
      { exitCode: ExitCode.auth, code: "InvalidAccountKey" },
    );
  }
}
