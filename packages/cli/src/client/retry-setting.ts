// The retry budget of the CLI's requests: --max-retries, else BATCH_MAX_RETRIES, else the
// client's default. 0 sends each request once, which suits scripts that retry themselves.
import { numberRules, parseNumberSetting } from "../commands/number-flag.js";

export function maxRetriesSetting(
  flag: number | undefined,
  env: NodeJS.ProcessEnv,
): number | undefined {
  if (flag !== undefined) return flag;
  const fromEnv = env.BATCH_MAX_RETRIES;
  if (fromEnv === undefined || fromEnv === "") return undefined;
  return parseNumberSetting("BATCH_MAX_RETRIES", fromEnv, numberRules.maxRetries);
}
