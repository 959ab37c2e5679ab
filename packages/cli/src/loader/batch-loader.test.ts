// The loader as users meet it, through the built bundle: the code cache never breaks a
// command, is never read from a folder another user could write, is keyed by the V8 flags,
// and a damaged bundle fails loudly, naming the part.
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { bundlePath, runBatch } from "../test-support/batch-process.js";

const asRoot = process.getuid?.() === 0;
// `profile list` runs on the fast path and needs no service: its run compiles the CLI alone,
// so it writes exactly one cache file.
const listed = { code: 0, stdout: "[]\n", stderr: "" };

function newDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `batch-loader-${prefix}-`));
}

/** Runs `batch profile list -o json` with the cache in `dir` and the extra environment given. */
function listWith(dir: string, env: Record<string, string | undefined> = {}) {
  return runBatch(["profile", "list", "-o", "json"], { env: { BATCH_CACHE_DIR: dir, ...env } });
}

/** The code cache's notes in a run's stderr under BATCH_DEBUG, without those on other topics. */
function cacheNotes(stderr: string): string {
  return stderr.replace(/^batch: (?!code cache: ).*\n/gm, "");
}

/** The one cache file `batch profile list` writes, found by running it once in a fresh folder. */
async function listCacheName(): Promise<string> {
  const dir = newDir("name");
  await listWith(dir);
  const [name] = readdirSync(dir);
  if (name === undefined) throw new Error("no cache was written");
  return name;
}

describe("the code cache", () => {
  it("makes its folder 0700 (parents too) and is used, unchanged, by the next run", async () => {
    const dir = join(newDir("fresh"), "cache", "batch");
    expect(await listWith(dir)).toEqual(listed);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const [name, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    const written = readFileSync(join(dir, name ?? ""));
    expect(await listWith(dir)).toEqual(listed);
    expect(readFileSync(join(dir, name ?? "")).equals(written)).toBe(true);
  });

  it("is not used in a folder others can write: silently, or explained under BATCH_DEBUG", async () => {
    const dir = newDir("open");
    chmodSync(dir, 0o777);
    expect(await listWith(dir)).toEqual(listed);
    expect(readdirSync(dir)).toEqual([]);
    const debug = await listWith(dir, { BATCH_DEBUG: "1" });
    expect(debug.stdout).toBe(listed.stdout);
    expect(cacheNotes(debug.stderr)).toBe(
      `batch: code cache: not using ${dir}: writable by its group (mode 777)\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(!asRoot)("is neither read nor written in a folder of another user", async () => {
    const dir = newDir("theirs");
    // A cache planted by the folder's owner, under the name this run would read.
    const planted = join(dir, await listCacheName());
    writeFileSync(planted, "planted", { mode: 0o600 });
    chownSync(planted, 54321, 54321);
    chownSync(dir, 54321, 54321);
    const run = await listWith(dir, { BATCH_DEBUG: "1" });
    expect(run.code).toBe(0);
    expect(cacheNotes(run.stderr)).toBe(
      `batch: code cache: not using ${dir}: owned by uid 54321, not 0\n`,
    );
    expect(readdirSync(dir)).toEqual([planted.slice(dir.length + 1)]);
    expect(readFileSync(planted, "utf8")).toBe("planted");
  });

  it("never breaks the command when the folder cannot be made: silently, or explained", async () => {
    const file = join(newDir("blocked"), "a-file");
    writeFileSync(file, "");
    const dir = join(file, "batch");
    expect(await listWith(dir)).toEqual(listed);
    const debug = await listWith(dir, { BATCH_DEBUG: "1" });
    expect(debug.code).toBe(0);
    expect(cacheNotes(debug.stderr)).toBe(`batch: code cache: not using ${dir}: ENOTDIR\n`);
  });

  it.skipIf(asRoot)("never breaks the command in a folder it cannot write", async () => {
    const dir = newDir("read-only");
    chmodSync(dir, 0o500);
    expect(await listWith(dir)).toEqual(listed);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("runs from a cut or garbage cache file, and writes it anew", async () => {
    const dir = newDir("damaged");
    await listWith(dir);
    const [name = ""] = readdirSync(dir);
    const whole = readFileSync(join(dir, name));
    for (const damaged of [whole.subarray(0, whole.length >> 1), Buffer.from("not a cache")]) {
      writeFileSync(join(dir, name), damaged, { mode: 0o600 });
      const run = await listWith(dir, { BATCH_DEBUG: "1" });
      expect(run.stdout).toBe(listed.stdout);
      expect(run.stderr).toContain(
        `batch: code cache: V8 rejected ${name}; it will be written anew`,
      );
      expect(readFileSync(join(dir, name)).equals(damaged)).toBe(false);
      // The next run starts from the new file: V8 accepts it, so there is nothing to say.
      const next = await listWith(dir, { BATCH_DEBUG: "1" });
      expect({ ...next, stderr: cacheNotes(next.stderr) }).toEqual(listed);
    }
    expect(readdirSync(dir)).toEqual([name]);
  });

  it("is kept apart for V8 flags (NODE_OPTIONS), not for a module preloaded with --import", async () => {
    const dir = newDir("flags");
    await listWith(dir);
    const [plain] = readdirSync(dir);
    const probe = join(newDir("probe"), "probe.mjs");
    writeFileSync(probe, "");
    expect(await listWith(dir, { NODE_OPTIONS: `--import=${pathToFileURL(probe).href}` })).toEqual(
      listed,
    );
    expect(readdirSync(dir)).toEqual([plain]);
    expect(await listWith(dir, { NODE_OPTIONS: "--max-old-space-size=200" })).toEqual(listed);
    const [other, ...rest] = readdirSync(dir).filter((name) => name !== plain);
    expect(rest).toEqual([]);
    expect(other).toMatch(
      new RegExp(`^app-[0-9a-f]{16}-${process.version}-${process.arch}-profile-list\\.v8$`),
    );
    // Each flag set starts from its own cache: neither is rejected and rewritten.
    const debug = await listWith(dir, {
      NODE_OPTIONS: "--max-old-space-size=200",
      BATCH_DEBUG: "1",
    });
    expect(cacheNotes(debug.stderr)).toBe("");
  });

  it("is not written for a mistyped command (exit 2)", async () => {
    const dir = newDir("typo");
    const run = await runBatch(["tsak", "get"], { env: { BATCH_CACHE_DIR: dir } });
    expect(run.code).toBe(2);
    // yargs, which read the line, keeps its own cache: its name is fixed, whatever was typed.
    expect(readdirSync(dir).filter((name) => !name.startsWith("lib-"))).toEqual([]);
  });

  it("starts a command's first run from the cache of the command run last", async () => {
    const dir = newDir("sibling");
    expect(await listWith(dir)).toEqual(listed);
    const [listCache = ""] = readdirSync(dir);
    const written = readFileSync(join(dir, listCache));
    const version = await runBatch(["--version"], {
      env: { BATCH_CACHE_DIR: dir, BATCH_DEBUG: "1" },
    });
    expect(version.code).toBe(0);
    const own = listCache.replace("profile-list", "none");
    expect(cacheNotes(version.stderr)).toContain(`started from ${listCache}, for want of ${own}`);
    expect(readdirSync(dir)).toContain(own);
    expect(readFileSync(join(dir, listCache)).equals(written)).toBe(true);
  });

  it("keeps one cache per package loaded on demand, used by every command that loads it", async () => {
    const dir = newDir("parts");
    // Help is yargs' to print: yargs is read, compiled and cached on the first run that needs it.
    expect(await runBatch(["--help"], { env: { BATCH_CACHE_DIR: dir } })).toMatchObject({
      code: 0,
    });
    const lib = readdirSync(dir).filter((name) => name.startsWith("lib-"));
    expect(lib).toEqual([
      expect.stringMatching(
        new RegExp(`^lib-[0-9a-f]{16}-${process.version}-${process.arch}-yargs\\.v8$`),
      ),
    ]);
    const yargsCache = join(dir, lib[0] ?? "");
    const written = readFileSync(yargsCache);
    // Another command's first run: its own cache of the CLI is written, yargs' is read, accepted
    // (V8 would refuse a cache made from other code) and left as it was.
    const other = await runBatch(["task", "--help"], {
      env: { BATCH_CACHE_DIR: dir, BATCH_DEBUG: "1" },
    });
    expect(other.code).toBe(0);
    expect(cacheNotes(other.stderr)).not.toContain(lib[0]);
    expect(cacheNotes(other.stderr)).toContain("-task.v8");
    expect(readFileSync(yargsCache).equals(written)).toBe(true);
    // Off with the rest of the cache.
    const off = newDir("parts-off");
    await runBatch(["--help"], { env: { BATCH_CACHE_DIR: off, BATCH_COMPILE_CACHE: "0" } });
    expect(readdirSync(off)).toEqual([]);
  });

  it("is written whole by runs that start together, leaving no temporary file", async () => {
    const dir = newDir("together");
    const runs = await Promise.all(Array.from({ length: 4 }, () => listWith(dir)));
    expect(runs).toEqual(runs.map(() => listed));
    const names = readdirSync(dir);
    expect(names).toHaveLength(1);
    const next = await listWith(dir, { BATCH_DEBUG: "1" });
    expect({ ...next, stderr: cacheNotes(next.stderr) }).toEqual(listed);
  });

  it("leaves files it did not write and the recent caches of other builds alone", async () => {
    const dir = newDir("shared");
    const otherBuild = `app-${"f".repeat(16)}-v18.0.0-x64-task-get.v8`;
    const unrelated = ["notes.txt", "app.v8", "batch-code.v8"];
    for (const name of [otherBuild, ...unrelated]) writeFileSync(join(dir, name), name);
    const longAgo = Date.now() / 1000 - 365 * 86400;
    for (const name of unrelated) utimesSync(join(dir, name), longAgo, longAgo);
    expect(await listWith(dir)).toEqual(listed);
    const names = readdirSync(dir);
    expect(names).toHaveLength(5);
    expect(names).toEqual(expect.arrayContaining([otherBuild, ...unrelated]));
  });
});

describe("the parts after the loader", () => {
  const text = readFileSync(bundlePath, "latin1");

  function copyWith(change: (bundle: string) => string): string {
    const dir = newDir("copy");
    mkdirSync(dir, { recursive: true });
    const copy = join(dir, "batch.mjs");
    writeFileSync(copy, change(text), "latin1");
    return copy;
  }

  it("are read between markers naming each", () => {
    for (const part of [
      "app",
      "yargs",
      "yaml",
      "jmespath",
      "cli-table3",
      "cli-progress",
      "@batch/testing",
    ]) {
      expect(text).toMatch(new RegExp(`/\\*@batch-part ${part.replace("/", "\\/")} \\d+\\n`));
      expect(text).toContain(`\n@batch-part-end ${part}*/\n`);
    }
  });

  it("fail loudly, naming the part, when a deferred part's marker is damaged", async () => {
    const copy = copyWith((bundle) => bundle.replace("/*@batch-part yaml ", "/*@batch-part yamm "));
    const env = { BATCH_CONFIG_DIR: newDir("config") };
    expect(await runBatch(["profile", "list", "-o", "json"], { bundle: copy, env })).toMatchObject({
      code: 0,
      stdout: "[]\n",
    });
    expect(await runBatch(["profile", "list", "-o", "yaml"], { bundle: copy, env })).toEqual({
      code: 1,
      stdout: "",
      stderr: 'error: batch.mjs is damaged (its part "yaml" is cut or altered); reinstall it\n',
    });
  });

  it("fail loudly when anything is added after the build", async () => {
    const copy = copyWith((bundle) => `${bundle}\n`);
    expect(await runBatch(["--version"], { bundle: copy })).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: batch.mjs is damaged (a part after its loader is cut); reinstall it\n",
    });
  });
});
