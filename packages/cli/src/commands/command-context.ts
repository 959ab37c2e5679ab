// What a command handler gets: the streams, the parsed global options, the output writer for
// `-o`/`--query`, stderr helpers that respect `--quiet`, an abort signal tied to Ctrl-C, and the
// Batch client, built on first use so commands that need no account never ask for one.

import picocolors from "picocolors";
import type { Colors } from "picocolors/types.js";
import type { ArgumentsCamelCase } from "yargs";
import type { ExitCodeValue } from "../exit-codes.js";
import { defaultOutputFormat } from "../output/output-format.js";
import { createOutputWriter, type OutputWriter } from "../output/output-writer.js";
import { compileQuery } from "../output/query.js";
import type { CliIo } from "../terminal/cli-io.js";
import { colorEnabled } from "../terminal/cli-io.js";
import type { GlobalArgs } from "./global-args.js";

/** State shared by the whole run: set up by run-cli.ts, read back when the command ends. */
export interface CliRuntime {
  /** The command line (after `batch`), for registering only the commands it names. */
  args: readonly string[];
  io: CliIo;
  signal: AbortSignal;
  exitCode: ExitCodeValue;
}

export interface CommandContext {
  io: CliIo;
  args: GlobalArgs;
  signal: AbortSignal;
  output: OutputWriter;
  /** Colours for stderr (progress, notes). */
  stderrColors: Colors;
  /** True when progress bars may be drawn: stderr is a terminal and no --quiet. */
  interactive: boolean;
  /** A note on stderr, unless --quiet. */
  note(message: string): void;
  /** A warning on stderr, even with --quiet. */
  warn(message: string): void;
}

export async function createCommandContext(
  runtime: CliRuntime,
  argv: ArgumentsCamelCase<GlobalArgs>,
): Promise<CommandContext> {
  const { io } = runtime;
  const query = argv.query === undefined ? undefined : await compileQuery(argv.query);
  const format = argv.output ?? defaultOutputFormat(io.stdout.isTTY === true);
  let stderrColors: Colors | undefined;
  // stderr is looked at only when something is written to it: Node builds the stream lazily.
  const colorsForStderr = () => {
    stderrColors ??= picocolors.createColors(colorEnabled(io.stderr, io.env));
    return stderrColors;
  };
  return {
    io,
    args: argv,
    signal: runtime.signal,
    output: createOutputWriter({
      format,
      query,
      colors: picocolors.createColors(colorEnabled(io.stdout, io.env)),
      stdout: io.stdout,
    }),
    get stderrColors() {
      return colorsForStderr();
    },
    get interactive() {
      return io.stderr.isTTY === true && !argv.quiet;
    },
    note(message) {
      if (!argv.quiet) io.stderr.write(`${message}\n`);
    },
    warn(message) {
      io.stderr.write(`${colorsForStderr().yellow("warning:")} ${message}\n`);
    },
  };
}
