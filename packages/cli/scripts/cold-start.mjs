// Cold start of `batch task get` against a local emulator, side by side with `node -e 0` and,
// when az is installed, `az batch task show`. Each round runs every command once, in turn, so
// that a busy machine slows them alike; the table gives medians and ratios to `node -e 0`.
// Not a test: timings depend on the machine.
//
//   node packages/cli/scripts/cold-start.mjs [rounds]     (build the CLI and @batch/testing first)
import { spawn, spawnSync } from "node:child_process";
import { once as onceEvent } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@batch/testing";

const rounds = Number(process.argv[2] ?? 40);
const bundle = fileURLToPath(new URL("../dist/batch.mjs", import.meta.url));

const emulator = await startEmulator({ host: "127.0.0.1", port: 0, executor: "manual" });
emulator.service.addJob({ id: "job", poolInfo: { poolId: "pool" } });
emulator.service.addTask("job", { id: "task", commandLine: "echo hi" });

const env = {
  ...process.env,
  AZURE_BATCH_ENDPOINT: emulator.url,
  AZURE_BATCH_ACCOUNT: emulator.account,
  AZURE_BATCH_ACCESS_KEY: emulator.key,
  BATCH_CONFIG_DIR: mkdtempSync(join(tmpdir(), "batch-cold-start-")),
};

// az, offline: its own config folder, no telemetry, no version check, no colours.
const azConfig = mkdtempSync(join(tmpdir(), "batch-cold-start-az-"));
writeFileSync(
  join(azConfig, "config"),
  "[core]\ncollect_telemetry = false\nno_color = true\nonly_show_errors = true\n",
);
const now = new Date().toISOString().replace("T", " ").replace("Z", "000");
writeFileSync(
  join(azConfig, "versionCheck.json"),
  JSON.stringify({ versions: {}, update_time: now }),
);
const azEnv = { ...env, AZURE_CONFIG_DIR: azConfig, AZURE_CORE_COLLECT_TELEMETRY: "false" };

const contenders = [
  { name: "node -e 0", command: process.execPath, args: ["-e", "0"], env },
  {
    name: "batch task get",
    command: process.execPath,
    args: [bundle, "task", "get", "--job-id", "job", "--task-id", "task"],
    env,
  },
];
if (spawnSync("az", ["version"], { env: azEnv, stdio: "ignore" }).status === 0) {
  contenders.push({
    name: "az batch task show",
    command: "az",
    args: [
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
    ],
    env: azEnv,
  });
}

// Asynchronous: the emulator answering the requests runs in this very process.
async function once({ command, args, env: runEnv }) {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { env: runEnv, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const [code] = await onceEvent(child, "exit");
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${stderr}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

try {
  for (const contender of contenders) await once(contender); // warm the file cache
  const times = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, contender] of contenders.entries()) times[index].push(await once(contender));
  }
  const base = median(times[0]);
  console.log(`${rounds} rounds, medians:`);
  contenders.forEach((contender, index) => {
    const value = median(times[index]);
    console.log(
      `  ${contender.name.padEnd(20)} ${value.toFixed(1).padStart(7)} ms  ${(value / base).toFixed(2)}x node -e 0`,
    );
  });
  const batch = median(times[1]);
  if (contenders[2] !== undefined) {
    console.log(`  az batch task show / batch task get: ${(median(times[2]) / batch).toFixed(1)}x`);
  }
} finally {
  await emulator.close();
}
