// Entry point of the bundled `batch` command. The first Ctrl-C (or SIGTERM) aborts the running
// command, which then stops its requests and reports what it did; a second one exits at once.
import { ExitCode } from "./exit-codes.js";
import { runCli } from "./run-cli.js";
import { processIo } from "./terminal/cli-io.js";
import { handleStdoutFailures } from "./terminal/stdout-failure.js";

const io = processIo();
handleStdoutFailures(
  io.stdout,
  () => io.stderr,
  (code) => process.exit(code),
);

const controller = new AbortController();
let interrupts = 0;
for (const name of ["SIGINT", "SIGTERM"] as const) {
  process.on(name, () => {
    interrupts++;
    if (interrupts > 1) process.exit(ExitCode.interrupted);
    controller.abort(new Error(`interrupted by ${name}`));
  });
}

// No top-level await: the bundle runs this module as a function (see loader/batch-loader.ts).
void runCli(process.argv.slice(2), io, controller.signal).then(async (exitCode) => {
  // Exit as soon as the output is flushed rather than waiting for idle sockets and timers to
  // close; stderr too, when something was written to it (a pipe or file may take a moment).
  const flushed = (stream: NodeJS.WritableStream) =>
    new Promise<void>((resolve) => stream.write("", () => resolve()));
  await Promise.all([flushed(io.stdout), io.stderrUsed ? flushed(io.stderr) : undefined]);
  process.exit(exitCode);
});
