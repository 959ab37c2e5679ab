// Durations on the command line. The service takes ISO 8601 durations ("PT1H"); people also
// type "90s", "10m", "2h" or "1d". Both forms are accepted everywhere, and a bare number
// means seconds.
import { usageError } from "../errors/cli-error.js";

const isoPattern =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const shortPattern = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/i;
const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function invalid(flag: string, text: string): Error {
  return usageError(
    `${flag} must be a duration such as 30s, 10m, 2h, 1d or PT1H, not "${text}"`,
    "InvalidDuration",
  );
}

/** Milliseconds in a duration; throws a usage error naming the flag when it is not one. */
export function durationMs(text: string, flag: string): number {
  const short = shortPattern.exec(text.trim());
  if (short !== null) {
    const unit = (short[2]?.toLowerCase() ?? "s") as keyof typeof unitMs;
    return Number(short[1]) * unitMs[unit];
  }
  const iso = isoPattern.exec(text.trim());
  if (iso === null || text.trim().toUpperCase() === "P" || /T$/i.test(text.trim())) {
    throw invalid(flag, text);
  }
  const [, days, hours, minutes, seconds] = iso;
  return (
    Number(days ?? 0) * unitMs.d +
    Number(hours ?? 0) * unitMs.h +
    Number(minutes ?? 0) * unitMs.m +
    Number(seconds ?? 0) * unitMs.s
  );
}

/** The ISO 8601 form the service expects; ISO input passes through unchanged. */
export function isoDuration(text: string, flag: string): string {
  const trimmed = text.trim();
  if (/^P/i.test(trimmed)) {
    durationMs(trimmed, flag);
    return trimmed.toUpperCase();
  }
  const ms = durationMs(trimmed, flag);
  return `PT${Number((ms / 1000).toFixed(3))}S`;
}
