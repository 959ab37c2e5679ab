#!/usr/bin/env node
// The README's main job: installs the workspace and builds every package.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureInstall, pnpmCommand } from "./ensure-install.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
ensureInstall();
const [cmd, prefix] = pnpmCommand();
const built = spawnSync(cmd, [...prefix, "exec", "turbo", "run", "build"], {
  cwd: root,
  stdio: "inherit",
});
process.exit(built.status ?? 1);
