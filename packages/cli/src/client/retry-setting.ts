// The retry budget of the CLI's requests: --max-retries, else BATCH_MAX_RETRIES, else the
// client's default. 0 sends each request once, which suits scripts that retry themselves.
import { usageError } from "../errors/cli-error.js";

export function maxRetriesSetting(
  flag: number | undefined,
  env: NodeJS.ProcessEnv,
): number | undefined {
  const raw = flag ?? (env.BATCH_MAX_RETRIES ? Number(env.BATCH_MAX_RETRIES) : undefined);
  if (raw === undefined) return undefined;
  if (!Number.isInteger(raw) || raw < 0) {
    throw usageError(
      `the retry count (--max-retries or BATCH_MAX_RETRIES) must be a whole number of 0 or more, not ${flag ?? env.BATCH_MAX_RETRIES}`,
      "InvalidInput",
    );
  }
  return raw;
}
