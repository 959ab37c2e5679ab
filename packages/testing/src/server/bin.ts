#!/usr/bin/env node
// The batch-emulator executable.

import { runEmulatorCli } from "./emulator-cli.js";

runEmulatorCli(process.argv.slice(2)).then(
  (result) => {
    if (typeof result === "number") process.exitCode = result;
  },
  (error: unknown) => {
    process.stderr.write(
      `batch-emulator: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
