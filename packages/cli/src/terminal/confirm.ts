// Asks before a destructive command. On a terminal the user answers y/N; without one there is
// nobody to ask, so the command refuses unless --yes was given (exit 2) rather than guessing.
import { CliError, usageError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "./cli-io.js";

export async function confirm(
  io: CliIo,
  question: string,
  yes: boolean | undefined,
  signal: AbortSignal,
): Promise<void> {
  if (yes) return;
  if (io.stdin.isTTY !== true) {
    throw usageError(
      `${question.replace(/\?$/, "")}: refusing without --yes, as standard input is not a terminal`,
      "ConfirmationRequired",
    );
  }
  // Loaded here, not at start-up: only a confirmation prompt needs it.
  const { createInterface } = await import("node:readline/promises");
  const prompt = createInterface({ input: io.stdin, output: io.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `, { signal });
    if (!/^y(es)?$/i.test(answer.trim())) {
      throw new CliError("cancelled; nothing was changed", {
        exitCode: ExitCode.usage,
        code: "Cancelled",
      });
    }
  } finally {
    prompt.close();
  }
}
