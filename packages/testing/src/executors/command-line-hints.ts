// Guesses from a command line, for the simulated executor: `exit 3` ends with exit code 3 and
// `sleep 2` (or `timeout /t 2`) runs for two seconds. Nothing is executed.

const EXIT = /\bexit\s+(-?\d+)\b/i;
const SLEEP = /\b(?:sleep|timeout\s+\/t)\s+(\d+(?:\.\d+)?)\b/i;

export function exitCodeHint(commandLine: string): number | undefined {
  const match = EXIT.exec(commandLine);
  return match ? Number(match[1]) : undefined;
}

export function durationHintMs(commandLine: string): number | undefined {
  const match = SLEEP.exec(commandLine);
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}
