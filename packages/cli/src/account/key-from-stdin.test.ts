// `--account-key -` from the bundled file: every command that takes a key reads it from
// standard input, without the warning about a key on the command line.
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyConfigDir, lines, runBatch } from "../test-support/batch-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
  emulator.service.addJob({ id: "j", poolInfo: { poolId: "p" } });
  emulator.service.addTask("j", { id: "t", commandLine: "x" });
  env = { AZURE_BATCH_ENDPOINT: emulator.url, AZURE_BATCH_ACCOUNT: emulator.account };
});

afterAll(async () => {
  await emulator?.close();
});

describe("--account-key -", () => {
  it("reads the key from standard input for any command, with no warning", async () => {
    const input = `${emulator.key}\n`;
    const [get, list, counts, add] = await Promise.all([
      runBatch(["task", "get", "--job-id", "j", "--task-id", "t", "--account-key", "-"], {
        env,
        input,
      }),
      // The add below runs at the same time, so the list asks only for "t".
      runBatch(
        [
          "task",
          "list",
          "--job-id",
          "j",
          "--account-key",
          "-",
          "--filter",
          "id eq 't'",
          "--query",
          "[].id",
        ],
        {
          env,
          input,
        },
      ),
      runBatch(["job", "task-counts", "--job-id", "j", "--account-key=-"], { env, input }),
      runBatch(
        [
          "task",
          "add",
          "--job-id",
          "j",
          "--task-id",
          "from-stdin-key",
          "--command-line",
          "x",
          "--account-key",
          "-",
        ],
        { env, input },
      ),
    ]);
    for (const run of [get, list, counts, add]) expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(get.stdout)).toMatchObject({ id: "t" });
    expect(JSON.parse(list.stdout)).toEqual(["t"]);
    expect(emulator.service.getTask("j", "from-stdin-key").body.id).toBe("from-stdin-key");
  });

  it("refuses an empty standard input, a second reader of it, and a key that is not base64", async () => {
    const configDir = emptyConfigDir();
    const [empty, twice, notBase64, saveBad] = await Promise.all([
      runBatch(["task", "list", "--job-id", "j", "--account-key", "-"], { env, input: "" }),
      runBatch(["task", "add", "--job-id", "j", "--json-file", "-", "--account-key", "-"], {
        env,
        input: '{"id":"never","commandLine":"x"}',
      }),
      runBatch(["task", "list", "--job-id", "j", "--account-key", "-"], {
        env,
        input: "not a key\n",
      }),
      runBatch(["profile", "set", "bad", "--account-key", "-"], {
        env: { BATCH_CONFIG_DIR: configDir },
        input: "not a key\n",
      }),
    ]);
    expect(empty.code).toBe(3);
    expect(lines(empty.stderr)).toEqual([
      "error: MissingAccountSettings: --account-key - found no key on standard input",
    ]);
    expect(twice.code).toBe(2);
    expect(lines(twice.stderr)).toEqual([
      expect.stringMatching(
        /^error: InvalidInput: --account-key - and --json-file - cannot both read standard input/,
      ),
    ]);
    expect(notBase64.code).toBe(3);
    expect(lines(notBase64.stderr)).toEqual([
      expect.stringMatching(/^error: InvalidAccountKey: --account-key is not an account key/),
    ]);
    expect(saveBad.code).toBe(3);
    expect(lines(saveBad.stderr)).toEqual([
      expect.stringMatching(/^error: InvalidAccountKey: --account-key is not an account key/),
    ]);
    const listed = await runBatch(["profile", "list"], { env: { BATCH_CONFIG_DIR: configDir } });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });
});
