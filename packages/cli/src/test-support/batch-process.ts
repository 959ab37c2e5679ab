// Runs the bundled CLI (dist/batch.mjs) as a child process, the way users run it, for the
// end-to-end tests. Each run gets a clean environment: no AZURE_BATCH_* variables from the
// machine, and a config folder of its own unless the test passes one.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Emulator } from "@batch/testing";
import { expect } from "vitest";

export const bundlePath = fileURLToPath(new URL("../../dist/batch.mjs", import.meta.url));

export interface BatchRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Written to standard input, which is then closed. */
  input?: string;
  cwd?: string;
  /** A copy of the bundle to run instead of dist/batch.mjs. */
  bundle?: string;
  /** A command that runs node, e.g. `setpriv --reuid=54321 ...` to run it as another user. */
  prefix?: readonly string[];
}

// One V8 code cache folder for the runs of a test file: the first run fills it and the rest
// start from it, as a user's runs do (see loader/batch-loader.ts); the user's own stays untouched.
const compileCacheDir = mkdtempSync(join(tmpdir(), "batch-cli-cache-"));

export function emptyConfigDir(): string {
  return mkdtempSync(join(tmpdir(), "batch-cli-config-"));
}

/** A clean environment for a run: no AZURE_BATCH_* variables, a config folder of its own. */
export function isolatedEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? tmpdir(),
    BATCH_CONFIG_DIR: emptyConfigDir(),
    BATCH_CACHE_DIR: compileCacheDir,
  };
}

/** A running CLI: its process (stdin still open) and what it printed so far. */
export interface StartedBatch {
  child: ChildProcessWithoutNullStreams;
  /** What it has printed on stdout so far. */
  stdout(): string;
  /** Its exit status and everything it printed, once it has exited. */
  result: Promise<BatchRun>;
}

/** Starts the CLI with standard input left open, for tests that feed it or signal it. */
export function startBatch(args: readonly string[], options: RunOptions = {}): StartedBatch {
  const env = isolatedEnv();
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const [command = process.execPath, ...prefixArgs] = [...(options.prefix ?? []), process.execPath];
  const child = spawn(command, [...prefixArgs, options.bundle ?? bundlePath, ...args], {
    env,
    cwd: options.cwd ?? tmpdir(),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const result = new Promise<BatchRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { child, stdout: () => stdout, result };
}

/** Runs the CLI to the end with `options.input` (or nothing) on standard input. */
export function runBatch(args: readonly string[], options: RunOptions = {}): Promise<BatchRun> {
  const started = startBatch(args, options);
  started.child.stdin.end(options.input ?? "");
  return started.result;
}

/** The environment variables that point the CLI at an emulator. */
export function accountEnv(
  emulator: Pick<Emulator, "url" | "account" | "key">,
): Record<string, string> {
  return {
    AZURE_BATCH_ENDPOINT: emulator.url,
    AZURE_BATCH_ACCOUNT: emulator.account,
    AZURE_BATCH_ACCESS_KEY: emulator.key,
  };
}

/** The JSON a run printed, once it is known to have succeeded with nothing on stderr. */
export function succeededJson(run: BatchRun): unknown {
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

/** The lines of a stream's text, without the empty one after the last newline. */
export function lines(text: string): string[] {
  return text.split("\n").filter((line, index, all) => line !== "" || index < all.length - 1);
}
