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
  return isoFromMs(durationMs(trimmed, flag));
}

function isoFromMs(ms: number): string {
  let seconds = ms / 1000;
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds = Number((seconds - minutes * 60).toFixed(3));
  const time = `${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${seconds ? `${seconds}S` : ""}`;
  if (days === 0 && time === "") return "PT0S";
  return `P${days ? `${days}D` : ""}${time ? `T${time}` : ""}`;
}
