// `batch task list --all | head -1`: once the reader has gone, writing to stdout fails with
// EPIPE. That is the reader's choice, not an error of ours: stop at once, quietly, as other
// command-line tools do, instead of dying on an unhandled stream error.
import type { Writable } from "node:stream";

export function exitQuietlyWhenStdoutCloses(stdout: Writable, exit: (code: number) => void): void {
  stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") exit(0);
    else throw error;
  });
}
