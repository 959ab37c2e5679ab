// Bad input of every kind, from the bundled file against the emulator: each gets its documented
// exit status and exactly one line on stderr (never a stack trace), and nothing is half done.
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundlePath, lines, runBatch } from "../test-support/batch-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";

let emulator: Emulator;
let env: Record<string, string>;
let closedPort: number;
const dir = mkdtempSync(join(tmpdir(), "batch-bad-inputs-"));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function taskCount(jobId: string): number {
  return emulator.service.listTasks(jobId, {}).value.length;
}

async function freePortThenClose(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function taskAddFromFile(path: string): string[] {
  return ["task", "add", "--job-id", "bad", "--json-file", path];
}

interface BadInput {
  name: string;
  args: () => string[];
  env?: () => Record<string, string | undefined>;
  input?: string;
  /** Run from a copy of the bundle alone in an empty folder. */
  alone?: boolean;
  code: number;
  line: RegExp;
  /** The emulator state afterwards: nothing half done. */
  after?: () => void;
}

const tooLarge = JSON.stringify({ id: "huge", commandLine: "x".repeat(1_100_000) });
const hundredAndOne = JSON.stringify(
  Array.from({ length: 101 }, (_, i) => ({ id: `t${i}`, commandLine: "x" })),
);

const cases: BadInput[] = [
  {
    name: "malformed JSON file (task add)",
    args: () => taskAddFromFile(file("broken.json", '{"id": "t1",')),
    code: 2,
    line: /^error: InvalidJsonFile: .*broken\.json is not valid JSON: /,
    after: () => expect(taskCount("bad")).toBe(0),
  },
  {
    name: "malformed JSON array (add-collection): nothing is sent",
    args: () => [
      "task",
      "add-collection",
      "--job-id",
      "bad",
      "--json-file",
      file("broken-array.json", '[{"id":"a","commandLine":"x"},'),
    ],
    code: 2,
    line: /^error: InvalidJsonFile: .*broken-array\.json is not valid JSON: /,
    after: () => expect(taskCount("bad")).toBe(0),
  },
  {
    name: "--json-file naming a folder (task add)",
    args: () => ["task", "add", "--job-id", "bad", "--json-file", dir],
    code: 2,
    line: /^error: InvalidJsonFile: cannot read .*: it is a folder, not a file \(EISDIR\)$/,
  },
  {
    name: "--json-file naming a folder (add-collection): nothing is sent",
    args: () => ["task", "add-collection", "--job-id", "bad", "--json-file", dir],
    code: 2,
    line: /^error: InvalidJsonFile: cannot read .*: it is a folder, not a file \(EISDIR\)$/,
    after: () => expect(taskCount("bad")).toBe(0),
  },
  {
    name: "--json-file naming no file",
    args: () => ["job", "create", "--json-file", join(dir, "absent.json")],
    code: 2,
    line: /^error: InvalidJsonFile: cannot read .*absent\.json: no such file \(ENOENT\)$/,
  },
  {
    name: "a task file holding an array (task add)",
    args: () => taskAddFromFile(file("array.json", "[]")),
    code: 2,
    line: /^error: InvalidJsonFile: .*array\.json must hold one JSON object$/,
  },
  {
    name: "missing required flag",
    args: () => ["task", "add", "--job-id", "bad", "--task-id", "t1"],
    code: 2,
    line: /^error: MissingRequiredProperty: --command-line is required/,
  },
  {
    name: "missing required field in a task file (the service's code)",
    args: () => taskAddFromFile(file("no-command.json", '{"id":"t1"}')),
    code: 2,
    line: /^error: MissingRequiredProperty: .*\(request-id [^)]+\)$/,
    after: () => expect(taskCount("bad")).toBe(0),
  },
  {
    name: "invalid task id",
    args: () => ["task", "add", "--job-id", "bad", "--task-id", "bad id!", "--command-line", "x"],
    code: 2,
    line: /^error: InvalidPropertyValue: .*\(request-id [^)]+\)$/,
  },
  {
    name: "an id that would change the request's path, refused before sending",
    args: () => ["task", "get", "--job-id", "..", "--task-id", "t"],
    code: 2,
    line: /^error: --job-id cannot be "\.\."$/,
  },
  {
    name: "unknown job",
    args: () => ["task", "list", "--job-id", "no-such-job"],
    code: 4,
    line: /^error: JobNotFound: .*\(request-id [^)]+\)$/,
  },
  {
    name: "unknown job for add-collection: reported as that error",
    args: () => [
      "task",
      "add-collection",
      "--job-id",
      "no-such-job",
      "--json-file",
      "-",
      "-o",
      "none",
      "-q",
    ],
    input: '{"id":"a","commandLine":"x"}\n{"id":"b","commandLine":"x"}\n',
    code: 4,
    line: /^error: JobNotFound: /,
  },
  {
    name: "unknown task",
    args: () => ["task", "get", "--job-id", "bad", "--task-id", "nope"],
    code: 4,
    line: /^error: TaskNotFound: .*\(request-id [^)]+\)$/,
  },
  {
    name: "wrong key",
    args: () => ["task", "list", "--job-id", "bad"],
    env: () => ({ AZURE_BATCH_ACCESS_KEY: Buffer.alloc(32, 7).toString("base64") }),
    code: 3,
    line: /^error: AuthenticationFailed: /,
  },
  {
    name: "unreachable endpoint (a closed port)",
    args: () => ["task", "list", "--job-id", "bad", "--max-retries", "0"],
    env: () => ({ AZURE_BATCH_ENDPOINT: `http://127.0.0.1:${closedPort}` }),
    code: 1,
    line: /^error: NetworkError: .*ECONNREFUSED/,
  },
  {
    name: "bad filter",
    args: () => ["task", "list", "--job-id", "bad", "--filter", "state eq"],
    code: 2,
    line: /^error: InvalidQueryParameterValue: .*\$filter.*\(request-id [^)]+\)$/,
  },
  {
    name: "101 tasks in one add-collection call",
    args: () => [
      "task",
      "add-collection",
      "--job-id",
      "bad",
      "--json-file",
      file("101.json", hundredAndOne),
      "--single-call",
    ],
    code: 2,
    line: /^error: InvalidTaskCount: --single-call sends at most 100 tasks \(got 101\); drop --single-call/,
    after: () => expect(taskCount("bad")).toBe(0),
  },
  {
    name: "request body over 1 MB",
    args: () => taskAddFromFile(file("huge.json", tooLarge)),
    code: 2,
    line: /^error: RequestBodyTooLarge: /,
    after: () => expect(taskCount("bad")).toBe(0),
  },
  {
    name: "a key that is not base64",
    args: () => ["task", "list", "--job-id", "bad"],
    env: () => ({ AZURE_BATCH_ACCESS_KEY: "not a key!" }),
    code: 3,
    line: /^error: InvalidAccountKey: AZURE_BATCH_ACCESS_KEY is not an account key: /,
  },
  {
    name: "a malformed endpoint",
    args: () => ["task", "list", "--job-id", "bad", "--account-endpoint", "not a url"],
    code: 2,
    line: /^error: InvalidEndpoint: --account-endpoint must be the account's URL, such as https:\/\/myaccount\.westeurope\.batch\.azure\.com, not "not a url"$/,
  },
  {
    name: "an unknown profile named by --profile",
    args: () => ["task", "list", "--job-id", "bad", "--profile", "nope"],
    code: 4,
    line: /^error: ProfileNotFound: no profile named "nope"/,
  },
  {
    name: "an unknown profile named by BATCH_PROFILE",
    args: () => ["task", "list", "--job-id", "bad"],
    env: () => ({ BATCH_PROFILE: "nope" }),
    code: 4,
    line: /^error: ProfileNotFound: no profile named "nope"/,
  },
  {
    name: "profile show of an unknown profile",
    args: () => ["profile", "show", "nope"],
    code: 4,
    line: /^error: ProfileNotFound: no profile named "nope"/,
  },
  {
    name: "missing account settings",
    args: () => ["task", "list", "--job-id", "bad"],
    env: () => ({
      AZURE_BATCH_ENDPOINT: undefined,
      AZURE_BATCH_ACCOUNT: undefined,
      AZURE_BATCH_ACCESS_KEY: undefined,
    }),
    code: 3,
    line: /^error: MissingAccountSettings: no Batch account endpoint/,
  },
  {
    name: "--auth entra without @azure/identity installed",
    args: () => ["task", "list", "--job-id", "bad", "--auth", "entra"],
    alone: true,
    code: 3,
    line: /^error: MissingDependency: --auth entra needs the optional package @azure\/identity/,
  },
  {
    name: "unknown command",
    args: () => ["tasks", "list"],
    code: 2,
    line: /^error: unknown command 'tasks'; did you mean task\?$/,
  },
  {
    name: "unknown subcommand",
    args: () => ["task", "frobnicate"],
    code: 2,
    line: /^error: unknown command 'frobnicate'; see `batch task --help`$/,
  },
  {
    name: "misspelt subcommand",
    args: () => ["task", "foo"],
    code: 2,
    line: /^error: unknown command 'foo'; did you mean show\?$/,
  },
  {
    name: "unknown flag",
    args: () => ["task", "list", "--job-id", "bad", "--colour"],
    code: 2,
    line: /^error: Unknown arguments?: colour/,
  },
  {
    name: "missing --job-id",
    args: () => ["task", "get", "--task-id", "t"],
    code: 2,
    line: /^error: Missing required argument: job-id/,
  },
  {
    name: "invalid --query",
    args: () => ["task", "list", "--job-id", "bad", "--query", "[?state=="],
    code: 2,
    line: /^error: InvalidQuery: invalid --query: /,
  },
  {
    name: "--json-file together with task flags",
    args: () => ["task", "add", "--job-id", "bad", "--json-file", "x.json", "--command-line", "x"],
    code: 2,
    line: /^error: Arguments json-file and command-line are mutually exclusive/,
  },
  {
    name: "a per-request option on a streamed add-collection",
    args: () => [
      "task",
      "add-collection",
      "--job-id",
      "bad",
      "--json-file",
      "-",
      "--client-request-id",
      "0f4b6a57-5f0c-4c8e-9d11-2a8f2d6c3e01",
    ],
    input: '{"id":"a","commandLine":"x"}\n',
    code: 2,
    line: /^error: InvalidInput: --client-request-id apply to a single request: add --single-call/,
    after: () => expect(taskCount("bad")).toBe(0),
  },
  {
    name: "invalid duration",
    args: () => ["task", "wait", "--job-id", "bad", "--timeout", "soon"],
    code: 2,
    line: /^error: InvalidDuration: --timeout must be a duration/,
  },
  {
    name: "invalid output format",
    args: () => ["task", "list", "--job-id", "bad", "-o", "xml"],
    code: 2,
    line: /^error: Invalid values:/,
  },
];

beforeAll(async () => {
  ({ emulator, env } = await startTestEmulator());
  emulator.service.addJob({ id: "bad", poolInfo: { poolId: "p" } });
  closedPort = await freePortThenClose();
});

afterAll(async () => {
  await emulator?.close();
});

describe("bad input", () => {
  it.each(cases)("$name: exit $code and one line", async (badInput) => {
    let cwd: string | undefined;
    let args = badInput.args();
    if (badInput.alone) {
      cwd = mkdtempSync(join(tmpdir(), "batch-alone-"));
      copyFileSync(bundlePath, join(cwd, "batch.mjs"));
      args = args.slice();
    }
    const run = await runBatch(args, {
      env: { ...env, ...badInput.env?.() },
      ...(badInput.input === undefined ? {} : { input: badInput.input }),
      ...(cwd === undefined ? {} : { cwd, bundle: join(cwd, "batch.mjs") }),
    });
    expect(run.code).toBe(badInput.code);
    const stderr = lines(run.stderr);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(badInput.line);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    badInput.after?.();
  });
});
