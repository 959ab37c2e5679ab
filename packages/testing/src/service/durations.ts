// ISO 8601 durations as the service reads them (TaskConstraints, JobConstraints): parsing to
// milliseconds, and the "unlimited" value the service writes for an absent limit.

/** .NET TimeSpan.MaxValue, which the service returns for "no limit". */
export const UNLIMITED_DURATION = "P10675199DT2H48M5.4775807S";

/** The default retention of a task directory. */
export const DEFAULT_RETENTION = "P7D";

const DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const UNIT_MS = [
  365 * 86_400_000, // years, as .NET's XmlConvert counts them
  30 * 86_400_000, // months
  7 * 86_400_000,
  86_400_000,
  3_600_000,
  60_000,
  1_000,
];

/**
 * Milliseconds in an ISO 8601 duration such as `PT1H30M` or `P7D`, or undefined when the text
 * is not one (negative durations included: no Batch limit can be negative).
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === "P" || text.endsWith("T")) return undefined;
  let total = 0;
  let any = false;
  for (let i = 0; i < UNIT_MS.length; i++) {
    const part = match[i + 1];
    if (part === undefined) continue;
    any = true;
    total += Number(part) * UNIT_MS[i]!;
  }
  return any ? total : undefined;
}

/** Formats milliseconds as a `PT…S` duration with up to 7 fractional digits, like the service. */
export function formatDuration(ms: number): string {
  const clamped = Math.max(0, ms);
  const days = Math.floor(clamped / 86_400_000);
  let rest = clamped - days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  const secondsText = Number.isInteger(seconds)
    ? String(seconds)
    : seconds.toFixed(7).replace(/0+$/, "");
  return `P${days > 0 ? `${days}D` : ""}T${hours > 0 ? `${hours}H` : ""}${minutes > 0 ? `${minutes}M` : ""}${secondsText}S`;
}
