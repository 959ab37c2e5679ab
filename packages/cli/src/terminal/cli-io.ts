// The process streams and environment a command runs with, passed explicitly so that every
// decision about terminals, colours and defaults is made in one place and can be tested.
import type { Readable, Writable } from "node:stream";

export interface CliIo {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  stdin: Readable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** The process's streams; `stderrUsed` says whether anything asked for stderr. */
export function processIo(): CliIo & { readonly stderrUsed: boolean } {
  let stderrUsed = false;
  return {
    stdout: process.stdout,
    // Getters: Node builds these streams on first access (stdin opens a read stream), and most
    // commands never touch stdin, nor stderr when all goes well.
    get stderr() {
      stderrUsed = true;
      return process.stderr;
    },
    get stderrUsed() {
      return stderrUsed;
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  };
}

/** Colours only on a terminal, never with NO_COLOR set (https://no-color.org), always with FORCE_COLOR. */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0")
    return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}
