// Parses the date headers a signed request carries (ocp-date, Date). HTTP allows the RFC 1123
// form and the obsolete RFC 850 and asctime forms, all in GMT; Date.parse would also accept
// local times and fragments like "2026", which a freshness check must not guess at.

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const RFC_1123 = /^[A-Za-z]{3}, (\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC_850 = /^[A-Za-z]{6,9}, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME = /^[A-Za-z]{3} ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function build(
  day: string,
  monthName: string,
  year: number,
  hour: string,
  minute: string,
  second: string,
): number | undefined {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  const [d, h, mi, s] = [day, hour, minute, second].map(Number) as [number, number, number, number];
  if (month < 0 || d < 1 || h > 23 || mi > 59 || s > 60) return undefined;
  const time = Date.UTC(year, month, d, h, mi, Math.min(s, 59));
  // Reject dates that roll over, such as 31 Feb.
  return new Date(time).getUTCDate() === d ? time : undefined;
}

/** Returns epoch milliseconds for a valid HTTP date, or undefined. */
export function parseHttpDate(text: string): number | undefined {
  const value = text.trim();
  let match = RFC_1123.exec(value);
  if (match) {
    const [, day = "", month = "", year = "", h = "", m = "", s = ""] = match;
    return build(day, month, Number(year), h, m, s);
  }
  match = RFC_850.exec(value);
  if (match) {
    const [, day = "", month = "", year = "", h = "", m = "", s = ""] = match;
    // RFC 850 has two-digit years; read them as the nearest century, as HTTP recommends.
    const short = Number(year);
    return build(day, month, short < 70 ? 2000 + short : 1900 + short, h, m, s);
  }
  match = ASCTIME.exec(value);
  if (match) {
    const [, month = "", day = "", h = "", m = "", s = "", year = ""] = match;
    return build(day.trim(), month, Number(year), h, m, s);
  }
  return undefined;
}
