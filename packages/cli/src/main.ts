// Entry point of the bundled `batch` command. The first Ctrl-C (or SIGTERM) aborts the running
// command, which then stops its requests and reports what it did; a second one exits at once.
import { ExitCode } from "./exit-codes.js";
import { runCli } from "./run-cli.js";
import { processIo } from "./terminal/cli-io.js";
import { exitQuietlyWhenStdoutCloses } from "./terminal/closed-pipe.js";

exitQuietlyWhenStdoutCloses(process.stdout, (code) => process.exit(code));

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
void runCli(process.argv.slice(2), processIo(), controller.signal).then((exitCode) => {
  // Exit as soon as the output is flushed rather than waiting for idle sockets and timers to close.
  process.stdout.write("", () => process.exit(exitCode));
});
