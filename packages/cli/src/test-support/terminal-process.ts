// Runs the bundled CLI in a pseudo-terminal, through util-linux `script`, for the tests of what
// it does only on a terminal (progress bars, colours, confirmation prompts). stdin, stdout and
// stderr are all the terminal; everything written to it comes back as one text.
import { spawn } from "node:child_process";
import { bundlePath, isolatedEnv } from "./batch-process.js";

export interface TerminalRun {
  code: number | null;
  output: string;
}

export function runInTerminal(
  args: readonly string[],
  options: {
    env?: Record<string, string>;
    typed?: string;
    /** A file piped to the CLI's stdin (`cat file | batch ...`); stdout and stderr stay the terminal. */
    pipedFrom?: string;
  } = {},
): Promise<TerminalRun> {
  const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
  const batch = [process.execPath, bundlePath, ...args].map(quote).join(" ");
  const command =
    options.pipedFrom === undefined ? batch : `cat ${quote(options.pipedFrom)} | ${batch}`;
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], {
      env: { ...isolatedEnv(), TERM: "xterm", ...options.env },
      stdio: [options.typed === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: string) => {
      output += chunk;
    };
    child.stdout?.setEncoding("utf8").on("data", collect);
    child.stderr?.setEncoding("utf8").on("data", collect);
    // What the user types: script passes it to the terminal, where the prompt reads it.
    if (options.typed !== undefined) child.stdin?.write(options.typed);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
