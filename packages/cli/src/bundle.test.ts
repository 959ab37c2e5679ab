// The bundled CLI is one file that runs on its own, small and quick to start.
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountEnv, bundlePath, lines, runBatch } from "./test-support/batch-process.js";
import { startTestEmulator } from "./test-support/test-emulator.js";

// Root can run the bundle as a uid that has no passwd entry (util-linux setpriv).
const canRunAsUnknownUser =
  process.getuid?.() === 0 &&
  spawnSync("setpriv", ["--version"]).status === 0 &&
  spawnSync("getent", ["passwd", "54321"]).status !== 0;

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

let emulator: Emulator;

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
  emulator.service.addJob({ id: "j", poolInfo: { poolId: "p" } });
  emulator.service.addTask("j", { id: "t", commandLine: "x" });
});

afterAll(async () => {
  await emulator?.close();
});

describe("dist/batch.mjs", () => {
  it("is an executable with a shebang, under 1 MB", () => {
    expect(readFileSync(bundlePath, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(bundlePath).mode & 0o111).not.toBe(0);
    expect(statSync(bundlePath).size).toBeLessThan(1024 * 1024);
  });

  it("runs alone, copied into an empty folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-cli-"));
    copyFileSync(bundlePath, join(dir, "batch.mjs"));
    const out = execFileSync(process.execPath, [join(dir, "batch.mjs"), "--version"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(out.trim()).toBe(pkg.version);
    // YAML is one of the packages read from the end of the file on first use.
    const yaml = execFileSync(
      process.execPath,
      [join(dir, "batch.mjs"), "profile", "list", "-o", "yaml"],
      {
        cwd: dir,
        encoding: "utf8",
        env: { PATH: process.env.PATH, BATCH_CONFIG_DIR: dir, BATCH_CACHE_DIR: dir },
      },
    );
    expect(yaml).toBe("[]\n");
  });

  // A user with no passwd entry and no HOME (a container's arbitrary uid): Node's homedir()
  // throws. The code cache and the config file are then simply not used.
  it.skipIf(!canRunAsUnknownUser)(
    "runs with no HOME for a user without a passwd entry: no cache, no profiles, no crash",
    async () => {
      const prefix = ["setpriv", "--reuid=54321", "--regid=54321", "--clear-groups"];
      // A copy that user can read and a folder it can enter: the checkout may sit in a folder
      // only its owner can open (a fresh clone in a mktemp -d folder).
      const folder = mkdtempSync(join(tmpdir(), "batch-other-user-"));
      chmodSync(folder, 0o755);
      const bundle = join(folder, "batch.mjs");
      copyFileSync(bundlePath, bundle);
      chmodSync(bundle, 0o755);
      const asOther = { prefix, bundle, cwd: folder };
      const noHome = {
        HOME: undefined,
        XDG_CACHE_HOME: undefined,
        XDG_CONFIG_HOME: undefined,
        BATCH_CACHE_DIR: undefined,
        BATCH_CONFIG_DIR: undefined,
      };
      const [version, get, save] = await Promise.all([
        runBatch(["--version"], { ...asOther, env: noHome }),
        runBatch(["task", "get", "--job-id", "j", "--task-id", "t", "--query", "id"], {
          ...asOther,
          env: { ...noHome, ...accountEnv(emulator) },
        }),
        runBatch(["profile", "set", "p", "--account-name", "a"], { ...asOther, env: noHome }),
      ]);
      expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
      expect(get).toEqual({ code: 0, stdout: '"t"\n', stderr: "" });
      expect(save.code).toBe(2);
      expect(lines(save.stderr)).toEqual([
        "error: ConfigDirUnavailable: no folder for the config file: HOME is not set and this user has no home folder; set BATCH_CONFIG_DIR",
      ]);
    },
  );

  it("says in one line that it is damaged when a part after the loader is cut", async () => {
    const text = readFileSync(bundlePath, "latin1");
    const end = text.lastIndexOf("*/");
    const copy = join(mkdtempSync(join(tmpdir(), "batch-damaged-")), "batch.mjs");
    writeFileSync(copy, `${text.slice(0, end - 200)}${text.slice(end - 100)}`, "latin1");
    const run = await runBatch(["--version"], { bundle: copy });
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: batch.mjs is damaged (a part after its loader is cut); reinstall it\n",
    });
  });

  it("gets a task without loading undici, node:assert or the modules of other commands", async () => {
    // Loaded before the CLI: reports, as the process exits, which of Node's own modules it loaded.
    const probe = join(mkdtempSync(join(tmpdir(), "batch-probe-")), "probe.mjs");
    writeFileSync(
      probe,
      `process.on("exit", () => process.stderr.write(JSON.stringify(process.moduleLoadList)));\n`,
    );
    const run = await runBatch(
      ["task", "get", "--job-id", "j", "--task-id", "t", "--query", "id"],
      {
        env: { ...accountEnv(emulator), NODE_OPTIONS: `--import=${pathToFileURL(probe).href}` },
      },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toBe("t");
    const loaded = JSON.parse(run.stderr) as string[];
    expect(loaded.some((name) => name.includes("undici"))).toBe(false);
    expect(loaded).not.toContain("NativeModule assert");
    expect(loaded).not.toContain("NativeModule readline");
    // Built-ins load when first used: the promise-based fs (profile writes, input files) is not.
    expect(loaded).not.toContain("NativeModule fs/promises");
  });

  it("reads a plain command line without yargs, with the same outcome as through yargs", async () => {
    const env = { ...accountEnv(emulator), BATCH_DEBUG: "1" };
    const viaYargs = { ...env, BATCH_FAST_PATH: "0" };
    const commandLines = [
      ["task", "get", "--job-id", "j", "--task-id", "t", "-o", "json"],
      ["task", "show", "--job-id", "j", "--id", "missing"],
      ["job", "get", "--job-id", "j", "--query", "id"],
    ];
    for (const line of commandLines) {
      const [fast, slow] = await Promise.all([
        runBatch(line, { env }),
        runBatch(line, { env: viaYargs }),
      ]);
      const outcome = (run: typeof fast) => ({
        code: run.code,
        stdout: run.stdout,
        // Without the notes, and without what the service made up for each run.
        stderr: lines(run.stderr)
          .filter((text) => !text.startsWith("batch: "))
          .map((text) =>
            text
              .replace(/RequestId:\S+ Time:\S+/, "RequestId:… Time:…")
              .replace(/request-id [0-9a-f-]+/, "request-id …"),
          ),
      });
      expect(lines(fast.stderr)).toContain("batch: command line: read by the fast path");
      expect(lines(slow.stderr)).toContain("batch: command line: read by yargs");
      expect(outcome(fast)).toEqual(outcome(slow));
    }
    const missing = await runBatch(commandLines[1] ?? [], { env });
    expect(missing.code).toBe(4);
    // Help, and a line yargs would read otherwise, go to yargs.
    for (const line of [
      ["task", "get", "--help"],
      ["task", "get", "--job-id", "j", "--task-id", "t", "--max-retries", "x"],
    ]) {
      const run = await runBatch(line, { env });
      expect(lines(run.stderr)).toContain("batch: command line: read by yargs");
    }
  });

  it("gets a task without building any of Intl's collators, segmenters or formatters", async () => {
    // Building the first one loads ICU data (about 8 ms for a collator): a module that makes
    // one as it loads costs every command that much at start-up.
    const probe = join(mkdtempSync(join(tmpdir(), "batch-probe-")), "probe.mjs");
    writeFileSync(
      probe,
      [
        "const built = [];",
        'for (const name of ["Collator", "Segmenter", "NumberFormat", "DateTimeFormat", "PluralRules", "ListFormat"]) {',
        "  const original = Intl[name];",
        "  const count = () => built.push(name);",
        "  Intl[name] = new Proxy(original, {",
        "    construct: (target, args, newTarget) => (count(), Reflect.construct(target, args, newTarget)),",
        "    apply: (target, self, args) => (count(), Reflect.apply(target, self, args)),",
        "  });",
        "}",
        'process.on("exit", () => process.stderr.write(JSON.stringify(built)));',
        "",
      ].join("\n"),
    );
    const run = await runBatch(
      ["task", "get", "--job-id", "j", "--task-id", "t", "--query", "id"],
      {
        env: { ...accountEnv(emulator), NODE_OPTIONS: `--import=${pathToFileURL(probe).href}` },
      },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toBe("t");
    expect(JSON.parse(run.stderr)).toEqual([]);
  });

  it("never loads undici (Node's fetch), neither for errors nor for adding tasks", async () => {
    const probe = join(mkdtempSync(join(tmpdir(), "batch-probe-")), "probe.mjs");
    writeFileSync(
      probe,
      `process.on("exit", () => process.stderr.write(\`\\n\${JSON.stringify(process.moduleLoadList)}\`));\n`,
    );
    const env = { ...accountEnv(emulator), NODE_OPTIONS: `--import=${pathToFileURL(probe).href}` };
    const tasks = join(mkdtempSync(join(tmpdir(), "batch-tasks-")), "tasks.json");
    writeFileSync(tasks, JSON.stringify([{ id: "u1", commandLine: "x" }]));
    emulator.service.addJob({ id: "k", poolInfo: { poolId: "p" } });
    const runs = await Promise.all([
      runBatch(["task", "get", "--job-id", "j", "--task-id", "missing"], { env }),
      runBatch(["task", "add-collection", "--job-id", "k", "--json-file", tasks, "-o", "none"], {
        env,
      }),
    ]);
    expect(runs.map((run) => run.code)).toEqual([4, 0]);
    for (const run of runs) {
      const loaded = JSON.parse(run.stderr.split("\n").at(-1) ?? "") as string[];
      expect(loaded.some((name) => name.includes("undici"))).toBe(false);
    }
  });

  it("keeps a V8 code cache per command between runs, 0600, rewritten when unusable, off with BATCH_COMPILE_CACHE=0", async () => {
    const env = accountEnv(emulator);
    const get = ["task", "get", "--job-id", "j", "--task-id", "t", "--query", "id"];
    const cacheDir = mkdtempSync(join(tmpdir(), "batch-cache-"));
    const first = await runBatch(get, { env: { ...env, BATCH_CACHE_DIR: cacheDir } });
    expect(JSON.parse(first.stdout)).toBe("t");
    // The CLI's cache for the command, and JMESPath's (--query), a package loaded on demand.
    const apps = () => readdirSync(cacheDir).filter((name) => name.startsWith("app-"));
    const [file, ...others] = apps();
    expect(others).toEqual([]);
    expect(readdirSync(cacheDir).filter((name) => !name.startsWith("app-"))).toEqual([
      expect.stringMatching(/^lib-[0-9a-f]{16}-.*-jmespath\.v8$/),
    ]);
    expect(file).toMatch(
      new RegExp(`^app-[0-9a-f]{16}-${process.version}-${process.arch}-task-get\\.v8$`),
    );
    const path = join(cacheDir, file ?? "");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const written = readFileSync(path);

    // A later run starts from the cache and leaves it as it is.
    const second = await runBatch(get, { env: { ...env, BATCH_CACHE_DIR: cacheDir } });
    expect(JSON.parse(second.stdout)).toBe("t");
    expect(readFileSync(path).equals(written)).toBe(true);

    // A damaged cache is refused by V8, the command still works, and the cache is written anew.
    writeFileSync(path, Buffer.alloc(written.length, 1));
    const third = await runBatch(get, { env: { ...env, BATCH_CACHE_DIR: cacheDir } });
    expect(third.stderr).toBe("");
    expect(JSON.parse(third.stdout)).toBe("t");
    expect(readFileSync(path).equals(Buffer.alloc(written.length, 1))).toBe(false);

    // Another command gets a cache of its own; the first one stays as it is.
    const rewritten = readFileSync(path);
    const list = await runBatch(["task", "list", "--job-id", "j", "--query", "[].id"], {
      env: { ...env, BATCH_CACHE_DIR: cacheDir },
    });
    expect(JSON.parse(list.stdout)).toEqual(["t"]);
    expect(apps().sort()).toEqual([file, file?.replace("task-get", "task-list")]);
    expect(readFileSync(path).equals(rewritten)).toBe(true);

    const offDir = mkdtempSync(join(tmpdir(), "batch-cache-off-"));
    const off = await runBatch(get, {
      env: { ...env, BATCH_CACHE_DIR: offDir, BATCH_COMPILE_CACHE: "0" },
    });
    expect(JSON.parse(off.stdout)).toBe("t");
    expect(readdirSync(offDir)).toEqual([]);
  });
});
