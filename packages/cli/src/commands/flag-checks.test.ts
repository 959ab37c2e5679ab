// Ids, dates and GUIDs from the bundled file: refused as the command line is parsed, exit 2,
// one line naming the flag as typed (not the client's option names).
import { describe, expect, it } from "vitest";
import { lines, runBatch } from "../test-support/batch-process.js";

// Nothing listens here: a check that let a value through would fail differently (exit 1).
const env = {
  AZURE_BATCH_ENDPOINT: "http://127.0.0.1:9",
  AZURE_BATCH_ACCOUNT: "devaccount",
  AZURE_BATCH_ACCESS_KEY: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
};
const get = ["task", "get", "--job-id", "j", "--task-id", "t"];
const dateWording =
  'must be a date such as 2025-06-01T12:00:00Z or "Sun, 01 Jun 2025 12:00:00 GMT"';

const refused: [args: string[], line: string][] = [
  [
    ["task", "get", "--job-id", "j", "--task-id", "t1", "--task-id", "t2"],
    "--task-id was given more than once (t1, t2); give it once",
  ],
  [
    ["task", "get", "--job-id", "j", "--job-id", "k", "--task-id", "t"],
    "--job-id was given more than once (j, k); give it once",
  ],
  [["task", "get", "--job-id", "", "--task-id", "t"], "--job-id must not be empty"],
  [["task", "get", "--job-id", "j", "--id", ".."], '--task-id cannot be ".."'],
  [["job", "create", "--id", "", "--pool-id", "p"], "--id must not be empty"],
  [
    ["task", "add", "--job-id", "j", "--id", "a", "--id", "b", "--command-line", "x"],
    "--task-id was given more than once (a, b); give it once",
  ],
  [[...get, "--ocp-date", "garbage"], `--ocp-date ${dateWording}, not "garbage"`],
  [
    [...get, "--if-modified-since", "yesterday"],
    `--if-modified-since ${dateWording}, not "yesterday"`,
  ],
  [[...get, "--if-unmodified-since", ""], `--if-unmodified-since ${dateWording}, not ""`],
  [
    [...get, "--client-request-id", "notaguid"],
    '--client-request-id must be a GUID such as 9c6b1e2a-4f3d-4b8e-a1c2-3d4e5f607182, not "notaguid"',
  ],
];

describe("id, date and GUID flags", () => {
  it("are refused with a line naming the flag", async () => {
    const runs = await Promise.all(refused.map(([args]) => runBatch(args, { env })));
    for (const [index, run] of runs.entries()) {
      const [args, line] = refused[index] ?? [[], ""];
      const name = args.join(" ");
      expect({ name, code: run.code, stdout: run.stdout }).toEqual({ name, code: 2, stdout: "" });
      expect(lines(run.stderr), name).toEqual([`error: ${line}`]);
    }
  }, 60_000);

  it("let well-formed values through to the request", async () => {
    const run = await runBatch(
      [
        ...get,
        "--client-request-id",
        "9C6B1E2A-4F3D-4B8E-A1C2-3D4E5F607182",
        "--if-modified-since",
        "Sun, 01 Jun 2025 12:00:00 GMT",
        "--max-retries",
        "0",
      ],
      { env },
    );
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^error: NetworkError: /)]);
  });
});
