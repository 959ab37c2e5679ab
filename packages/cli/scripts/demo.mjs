// The main job, end to end through the bundled CLI (dist/batch.mjs; build it first): start the
// embedded emulator, create a job, add 1,000 tasks from a generated file with a progress bar,
// wait for them, list the failed ones as a table sorted by id, show the task counts, stop the
// emulator.
// Every step prints the command it runs. One task in 20 is built to fail: the emulator's
// simulated executor ends a task with the exit code its command line names (`exit 3`).
//
//   node packages/cli/scripts/demo.mjs
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const bundle = fileURLToPath(new URL("../dist/batch.mjs", import.meta.url));
const taskCount = 1000;
const failEvery = 20;
const jobId = "demo-job";
const work = mkdtempSync(join(tmpdir(), "batch-demo-"));
const started = Date.now();

const bold = (text) =>
  process.stdout.isTTY && !process.env.NO_COLOR ? `\u001b[1m${text}\u001b[22m` : text;

function say(text) {
  process.stdout.write(`\n${bold(text)}\n`);
}

function quote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** Runs `batch <args>` with the demo's account; its output goes straight to this terminal. */
async function batch(args, env, expectedCodes = [0]) {
  process.stdout.write(`$ batch ${args.map(quote).join(" ")}\n`);
  const child = spawn(process.execPath, [bundle, ...args], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const [code] = await once(child, "exit");
  if (!expectedCodes.includes(code)) {
    throw new Error(
      `batch ${args[0]} ${args[1] ?? ""} exited with ${code}, expected ${expectedCodes.join(" or ")}`,
    );
  }
  return code;
}

/** Starts `batch emulator start` and reads the URL from its ready line. */
async function startEmulator() {
  const args = ["emulator", "start", "--port", "0", "--executor", "simulated"];
  process.stdout.write(`$ batch ${args.join(" ")} &\n`);
  const child = spawn(process.execPath, [bundle, ...args, "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const [readyLine] = await Promise.race([
    once(lines, "line"),
    once(child, "exit").then(([code]) => {
      throw new Error(`the emulator exited with ${code} before it was ready`);
    }),
  ]);
  process.stdout.write(`${readyLine}\n`);
  const match = /listening on (\S+) account=(\S+) key=(\S+)/.exec(readyLine);
  if (match === null) throw new Error(`unexpected ready line: ${readyLine}`);
  const [, url, account, key] = match;
  return { child, url, account, key };
}

function writeTasks() {
  const path = join(work, "tasks.ndjson");
  const lines = [];
  for (let i = 1; i <= taskCount; i++) {
    const id = `task-${String(i).padStart(4, "0")}`;
    const fails = i % failEvery === 0;
    const commandLine = fails
      ? `/bin/sh -c "sleep 0.02 && echo ${id} gives up && exit 3"`
      : `/bin/sh -c "sleep 0.02 && echo ${id} done"`;
    lines.push(JSON.stringify({ id, commandLine, constraints: { maxTaskRetryCount: 0 } }));
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

if (!existsSync(bundle)) {
  console.error(`demo: ${bundle} is missing; build the CLI first (npm run build)`);
  process.exit(1);
}

let emulator;
try {
  say("1. Start the embedded Batch emulator (simulated executor: tasks run on a pretend pool)");
  emulator = await startEmulator();
  const env = {
    ...process.env,
    AZURE_BATCH_ENDPOINT: emulator.url,
    AZURE_BATCH_ACCOUNT: emulator.account,
    AZURE_BATCH_ACCESS_KEY: emulator.key,
    // Keep the demo away from any profile saved on this machine.
    BATCH_CONFIG_DIR: work,
  };

  say("2. Create a job");
  await batch(["job", "create", "--id", jobId, "--pool-id", "demo-pool", "-o", "table"], env);

  say(
    `3. Add ${taskCount} tasks from a generated NDJSON file (one in ${failEvery} is built to fail)`,
  );
  const file = writeTasks();
  await batch(
    ["task", "add-collection", "--job-id", jobId, "--json-file", file, "-o", "none"],
    env,
  );

  say("4. Wait for every task to complete (exit status 7: some tasks failed, as planned)");
  await batch(["task", "wait", "--job-id", jobId, "--interval", "1s", "-o", "table"], env, [7]);

  say("5. List the failed tasks, sorted by id");
  // The service lists tasks in no particular order (here: the order the concurrent adds
  // landed in), so the query sorts them; it also names the table's columns.
  await batch(
    [
      "task",
      "list",
      "--job-id",
      jobId,
      "--filter",
      "executionInfo/result eq 'failure'",
      "--select",
      "id,state,executionInfo,commandLine",
      "--all",
      "--query",
      "sort_by(@, &id)[].{Id: id, State: state, ExitCode: executionInfo.exitCode, CommandLine: commandLine}",
      "-o",
      "table",
    ],
    env,
  );

  say("6. Show the task counts");
  await batch(["job", "task-counts", "--job-id", jobId, "-o", "table"], env);

  say("7. Stop the emulator");
  emulator.child.kill("SIGINT");
  const [code] = await once(emulator.child, "exit");
  emulator = undefined;
  if (code !== 0) throw new Error(`the emulator exited with ${code}`);
  process.stdout.write(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
} catch (error) {
  console.error(`demo: ${error.message}`);
  process.exitCode = 1;
} finally {
  emulator?.child.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
