// Progress bars on stderr for long work (add-collection, wait). Drawn only when stderr is a
// terminal and --quiet is not given, so pipes and logs never see them; cli-progress is loaded
// only then. Without a bar, updates cost nothing.
import type { Writable } from "node:stream";
import { exportsOf } from "../lazy-import.js";

export interface ProgressBar {
  update(value: number, total: number | undefined, fields: Record<string, string | number>): void;
  /** Draws the last state and leaves the line on screen. */
  stop(): void;
}

export interface ProgressOptions {
  stream: Writable;
  enabled: boolean;
  /** cli-progress format with a known total, e.g. "{bar} {value}/{total}". */
  format: string;
  /** Format while the total is unknown (no bar, no ETA). */
  formatWithoutTotal: string;
}

const silent: ProgressBar = {
  update() {},
  stop() {},
};

/**
 * A bar on `options.stream`, drawn from the first update on (a bar over an unknown total, as
 * before a wait's first poll, would show as full). The total may change between updates.
 */
export async function startProgressBar(
  options: ProgressOptions,
  total: number | undefined,
): Promise<ProgressBar> {
  if (!options.enabled) return silent;
  const { SingleBar } = exportsOf<typeof import("cli-progress")>(await import("cli-progress"));
  let knownTotal = total;
  let drawn = false;
  // The format is chosen once: a bar and ETA need the total from the start.
  const bar = new SingleBar({
    stream: options.stream,
    format: knownTotal === undefined ? options.formatWithoutTotal : options.format,
    barCompleteChar: "█",
    barIncompleteChar: "░",
    barsize: 30,
    hideCursor: true,
    fps: 10,
    etaBuffer: 50,
  });
  return {
    update(value, newTotal, fields) {
      if (newTotal !== undefined && total !== undefined) knownTotal = newTotal;
      if (!drawn) {
        drawn = true;
        bar.start(knownTotal ?? 0, value, fields);
        return;
      }
      if (knownTotal !== undefined && knownTotal !== bar.getTotal()) bar.setTotal(knownTotal);
      bar.update(value, fields);
    },
    stop() {
      if (drawn) bar.stop();
    },
  };
}
