// Interop with `az batch` (the Azure CLI, Python SDK), when `az` is on PATH: the CLI drives
// the emulator over loopback, kept offline (a private config dir, no telemetry, no version
// check, always an account key so it never asks Azure Resource Manager). az is slow to start
// (~0.5–1 s a call), so the suite makes few calls and checks the rest through the service.
// Without az, the suite is reported as skipped, with the reason in its name.

import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "../dev-account.js";
import { type Emulator, startEmulator } from "../server/start-emulator.js";

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const hasAz = onPath("az");
const SKIP_REASON = "skipped: `az` is not on PATH (install it with `apt-get install -y azure-cli`)";
if (!hasAz) console.warn(`az batch interop ${SKIP_REASON}`);

/** az's own timestamp format, in local time: "2026-11-28 15:51:47.210894". */
function azTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ` +
    `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.` +
    `${String(date.getMilliseconds() * 1000).padStart(6, "0")}`
  );
}

interface AzResult {
  code: number;
  stdout: string;
  stderr: string;
}

let configDir: string;

/** Runs az asynchronously (the emulator shares this process's event loop). */
function az(emulator: Emulator, args: string[]): Promise<AzResult> {
  const account = [
    "--account-endpoint",
    emulator.url,
    "--account-name",
    DEV_ACCOUNT_NAME,
    "--account-key",
    DEV_ACCOUNT_KEY,
  ];
  return new Promise((resolve) => {
    execFile(
      "az",
      ["batch", ...args, ...account, "-o", "json"],
      {
        env: {
          ...process.env,
          AZURE_CONFIG_DIR: configDir,
          AZURE_CORE_COLLECT_TELEMETRY: "false",
          AZURE_CORE_NO_COLOR: "true",
          AZURE_CORE_ONLY_SHOW_ERRORS: "true",
          AZURE_CORE_SURVEY_MESSAGE: "false",
        },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function azJson(emulator: Emulator, args: string[]): Promise<unknown> {
  const result = await az(emulator, args);
  if (result.code !== 0) {
    throw new Error(`az batch ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
  }
  return result.stdout.trim() === "" ? undefined : JSON.parse(result.stdout);
}

describe.skipIf(!hasAz)(
  hasAz ? "az batch against the emulator" : `az batch against the emulator (${SKIP_REASON})`,
  // Each az call takes 0.5–1.5 s, more while other test files run; the first builds az's index.
  { timeout: 60_000 },
  () => {
    let emulator: Emulator;
    let files: string;

    beforeAll(async () => {
      configDir = mkdtempSync(join(tmpdir(), "az-config-"));
      // A fresh version check stops az's connectivity probe; telemetry is off in the config too.
      writeFileSync(
        join(configDir, "versionCheck.json"),
        JSON.stringify({ versions: {}, update_time: azTimestamp(new Date()) }),
      );
      writeFileSync(join(configDir, "config"), "[core]\ncollect_telemetry = false\n");
      files = mkdtempSync(join(tmpdir(), "az-files-"));
      emulator = await startEmulator({ executor: "manual" });
    });

    afterAll(async () => {
      await emulator?.close();
      rmSync(configDir, { recursive: true, force: true });
      rmSync(files, { recursive: true, force: true });
    });

    it("creates a job and a task, and shows it", async () => {
      expect(await azJson(emulator, ["job", "create", "--id", "azjob", "--pool-id", "pool1"])).toBe(
        undefined,
      );
      expect(emulator.service.getJob("azjob").body.poolInfo).toEqual({ poolId: "pool1" });

      // `task create` posts the task, then gets it and prints it.
      const created = (await azJson(emulator, [
        "task",
        "create",
        "--job-id",
        "azjob",
        "--task-id",
        "t1",
        "--command-line",
        "echo hi",
        "--max-task-retry-count",
        "2",
        "--environment-settings",
        "A=1",
      ])) as Record<string, unknown>;
      expect(created).toMatchObject({
        id: "t1",
        commandLine: "echo hi",
        state: "active",
        environmentSettings: [{ name: "A", value: "1" }],
        url: `${emulator.url}/jobs/azjob/tasks/t1`,
      });
      // az prints durations as Python timedeltas.
      expect(created.constraints).toMatchObject({
        maxTaskRetryCount: 2,
        retentionTime: "7 days, 0:00:00",
      });

      const shown = await azJson(emulator, [
        "task",
        "show",
        "--job-id",
        "azjob",
        "--task-id",
        "t1",
        "--select",
        "id,state",
      ]);
      expect(shown).toMatchObject({ id: "t1", state: "active", commandLine: null });

      const missing = await az(emulator, [
        "task",
        "show",
        "--job-id",
        "azjob",
        "--task-id",
        "nope",
      ]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("The specified task does not exist.");
    });

    it("adds 1,050 tasks from a file in chunks of 100 and lists them across pages", async () => {
      const ids = Array.from({ length: 1050 }, (_, i) => `c${String(i).padStart(4, "0")}`);
      const file = join(files, "tasks.json");
      writeFileSync(file, JSON.stringify(ids.map((id) => ({ id, commandLine: "x" }))));
      const results = (await azJson(emulator, [
        "task",
        "create",
        "--job-id",
        "azjob",
        "--json-file",
        file,
      ])) as { status: string; taskId: string }[];
      expect(results).toHaveLength(1050);
      expect(results.every((result) => result.status === "success")).toBe(true);
      // az sends each chunk of 100 in reverse order; the service keeps the order it received.
      const stored = emulator.service
        .listTasks("azjob", { maxResults: 1000 })
        .value.map((task) => task.id);
      expect(stored.slice(1, 4)).toEqual(["c0099", "c0098", "c0097"]);

      for (const id of ["c0500", "c1049"]) {
        emulator.service.startTask("azjob", id);
        emulator.service.completeTask("azjob", id, { exitCode: 0 });
      }
      // az always asks for pages of 1,000 and follows odata.nextLink itself.
      const listed = (await azJson(emulator, [
        "task",
        "list",
        "--job-id",
        "azjob",
        "--query",
        "[].id",
      ])) as string[];
      expect(listed).toHaveLength(1051);
      expect(new Set(listed)).toEqual(new Set(["t1", ...ids]));

      const completed = await azJson(emulator, [
        "task",
        "list",
        "--job-id",
        "azjob",
        "--filter",
        "state eq 'completed'",
        "--select",
        "id,state",
        "--query",
        "[].[id,state]",
      ]);
      expect(completed).toEqual([
        ["c0500", "completed"],
        ["c1049", "completed"],
      ]);
    });

    it("resets, stops, reactivates and deletes a task, and lists subtasks", async () => {
      const { service } = emulator;
      const task = () => service.getTask("azjob", "t1").body;
      expect(
        await azJson(emulator, [
          "task",
          "reset",
          "--job-id",
          "azjob",
          "--task-id",
          "t1",
          "--max-task-retry-count",
          "3",
          "--max-wall-clock-time",
          "PT1H",
        ]),
      ).toBe(undefined);
      expect(task().constraints).toMatchObject({ maxTaskRetryCount: 3, maxWallClockTime: "PT1H" });

      service.startTask("azjob", "t1");
      await azJson(emulator, ["task", "stop", "--job-id", "azjob", "--task-id", "t1"]);
      expect(task()).toMatchObject({
        state: "completed",
        executionInfo: { result: "failure", failureInfo: { code: "TaskEnded" } },
      });

      await azJson(emulator, ["task", "reactivate", "--job-id", "azjob", "--task-id", "t1"]);
      expect(task()).toMatchObject({ state: "active", executionInfo: { retryCount: 0 } });

      service.addTask("azjob", {
        id: "mpi",
        commandLine: "mpirun app",
        multiInstanceSettings: { numberOfInstances: 2, coordinationCommandLine: "setup" },
      });
      service.startTask("azjob", "mpi");
      const subtasks = (await azJson(emulator, [
        "task",
        "subtask",
        "list",
        "--job-id",
        "azjob",
        "--task-id",
        "mpi",
      ])) as { value: { id: number; state: string }[] };
      expect(subtasks.value.map((subtask) => [subtask.id, subtask.state])).toEqual([
        [0, "running"],
        [1, "running"],
      ]);

      await azJson(emulator, ["task", "delete", "--job-id", "azjob", "--task-id", "t1", "--yes"]);
      expect(() => service.getTask("azjob", "t1")).toThrow("The specified task does not exist.");
    });

    it("finishes adding tasks although every collection request is faulted (az retries forever)", async () => {
      const faulty = await startEmulator({
        executor: "manual",
        faults: {
          seed: 5,
          retryAfterSeconds: 0,
          operations: {
            Task_AddCollection: { rate: 1, kinds: { "task-servererror": 2, "503": 1, "500": 1 } },
          },
        },
      });
      try {
        faulty.service.addJob({ id: "faulty", poolInfo: { poolId: "pool1" } });
        const ids = Array.from({ length: 250 }, (_, i) => `f${i}`);
        const file = join(files, "faulty.json");
        writeFileSync(file, JSON.stringify(ids.map((id) => ({ id, commandLine: "x" }))));
        const results = (await azJson(faulty, [
          "task",
          "create",
          "--job-id",
          "faulty",
          "--json-file",
          file,
        ])) as { status: string }[];
        expect(results.filter((result) => result.status === "success")).toHaveLength(250);
        expect(faulty.service.listTasks("faulty").value).toHaveLength(250);
        const stats = faulty.faults!.stats();
        expect(stats.tasksFaulted).toBeGreaterThan(0);
        expect(stats.byKind["503"] + stats.byKind["500"]).toBeGreaterThan(0);
      } finally {
        await faulty.close();
      }
    });
  },
);
