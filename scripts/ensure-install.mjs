#!/usr/bin/env node
// Makes the root scripts work on a fresh clone that has only Node and npm: installs the
// workspace with the pnpm version pinned in package.json's `packageManager`, through npx,
// because corepack cannot verify pnpm's signatures on every machine. Does nothing when
// node_modules already matches the lockfile.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lockfile = join(root, "pnpm-lock.yaml");
// pnpm rewrites this file on every successful install of the workspace.
const installState = join(root, "node_modules", ".pnpm-workspace-state-v1.json");

function manifests() {
  const dirs = ["packages", "bench"].flatMap((top) =>
    existsSync(join(root, top))
      ? top === "bench"
        ? [join(root, top)]
        : readdirSync(join(root, top)).map((name) => join(root, top, name))
      : [],
  );
  return [join(root, "package.json"), join(root, "pnpm-workspace.yaml"), lockfile]
    .concat(dirs.map((dir) => join(dir, "package.json")))
    .filter((file) => existsSync(file));
}

function isInstalled() {
  if (!existsSync(lockfile) || !existsSync(installState)) return false;
  const installedAt = statSync(installState).mtimeMs;
  return manifests().every((file) => statSync(file).mtimeMs <= installedAt);
}

export function pnpmCommand() {
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const agent = process.env.npm_config_user_agent ?? "";
  // Under pnpm itself (pnpm run ...), reuse it; otherwise fetch the pinned one through npx.
  if (agent.startsWith(`${packageManager.replace("@", "/")} `) && process.env.npm_execpath) {
    return [process.execPath, [process.env.npm_execpath]];
  }
  return ["npx", ["-y", packageManager]];
}

export function ensureInstall() {
  if (isInstalled()) return;
  const [cmd, prefix] = pnpmCommand();
  const args = [...prefix, "install"];
  if (existsSync(lockfile)) args.push("--frozen-lockfile");
  console.error(`> ${[cmd, ...args].join(" ")}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("Installing the workspace failed; see the output above.");
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureInstall();
