// @ts-check
// az (Debian's azure-cli) set up to run offline against the emulator: a configuration folder of
// its own, no telemetry, no colours, and a version check recorded as just done (otherwise az may
// look up the latest release on the network). Every call passes the account explicitly.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The environment for az, or undefined when az is not on the PATH. */
export function offlineAzEnv() {
  const dir = mkdtempSync(join(tmpdir(), "batch-bench-az-"));
  writeFileSync(
    join(dir, "config"),
    "[core]\ncollect_telemetry = false\nno_color = true\nonly_show_errors = true\n",
  );
  // az reads the time as "YYYY-MM-DD HH:MM:SS.ffffff".
  const now = new Date().toISOString().replace("T", " ").replace("Z", "000");
  writeFileSync(join(dir, "versionCheck.json"), JSON.stringify({ versions: {}, update_time: now }));
  const env = { ...process.env, AZURE_CONFIG_DIR: dir, AZURE_CORE_COLLECT_TELEMETRY: "false" };
  const probe = spawnSync("az", ["version", "--output", "none"], { env, stdio: "ignore" });
  return probe.error === undefined && probe.status === 0 ? env : undefined;
}

/**
 * `az batch task show` for the emulator's task, with the account on the command line.
 * @param {{ url: string, account: string, key: string }} emulator
 */
export function azTaskShowArgs(emulator) {
  return [
    "batch",
    "task",
    "show",
    "--job-id",
    "job",
    "--task-id",
    "task",
    "--account-endpoint",
    emulator.url,
    "--account-name",
    emulator.account,
    "--account-key",
    emulator.key,
    "--output",
    "json",
  ];
}
