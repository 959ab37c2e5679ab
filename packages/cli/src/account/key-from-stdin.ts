// `--account-key -`: the key is read from standard input, so it never appears in the process
// list or the shell history (`batch task list --account-key - < key.txt`, or piped from a
// secret store). Accepted by every command that takes a key. Standard input can be read once,
// so a command that also reads its --json-file from `-` refuses the pair up front.
import type { Readable } from "node:stream";
import { CliError, usageError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { readInputText } from "../input/read-input-text.js";

export const keyFromStdin = "-";

/** The first line of standard input, trimmed; an empty one is an error (exit 3). */
export async function readKeyFromStdin(stdin: Readable): Promise<string> {
  const text = await readInputText("-", stdin);
  const key = text.split(/\r?\n/, 1)[0]?.trim() ?? "";
  if (key === "") {
    throw new CliError("--account-key - found no key on standard input", {
      exitCode: ExitCode.auth,
      code: "MissingAccountSettings",
    });
  }
  return key;
}

/** Refuses `--account-key -` together with `--json-file -`: both would read standard input. */
export function checkOneStdinReader(args: { accountKey?: unknown; jsonFile?: unknown }): void {
  if (args.accountKey === keyFromStdin && args.jsonFile === "-") {
    throw usageError(
      "--account-key - and --json-file - cannot both read standard input: give the key through AZURE_BATCH_ACCESS_KEY or a profile, or the file by name",
      "InvalidInput",
    );
  }
}
