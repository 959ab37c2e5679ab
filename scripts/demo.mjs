#!/usr/bin/env node
// The README's main job: installs the workspace, builds the bundled CLI and everything it
// needs, then runs the CLI's end-to-end scenario against its embedded emulator.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureInstall, pnpmCommand } from "./ensure-install.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensureInstall();
const [pnpm, prefix] = pnpmCommand();
console.log("Building the packages (turbo; cached after the first run)...");
run(pnpm, [...prefix, "exec", "turbo", "run", "build", "--output-logs=errors-only"]);
run(process.execPath, [join(root, "packages/cli/scripts/demo.mjs")]);
