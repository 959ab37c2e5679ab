import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileCacheFile, compileCacheTemporaryFile } from "./compile-cache-path.js";
import { abandonedTemporaryFileMs, pruneCompileCache } from "./compile-cache-prune.js";

const now = Date.UTC(2026, 10, 28, 12);
const minute = 60_000;

/** A cache folder holding `files`, each last used `ago` ms before `now`. */
function folderWith(files: Record<string, number>): string {
  const dir = fs.mkdtempSync(join(tmpdir(), "batch-prune-"));
  for (const [name, ago] of Object.entries(files)) {
    fs.writeFileSync(join(dir, name), name);
    fs.utimesSync(join(dir, name), (now - ago) / 1000, (now - ago) / 1000);
  }
  return dir;
}

const cache = (hash: string, command = "task-get") =>
  compileCacheFile(hash.padEnd(16, "0"), command);

describe("pruneCompileCache", () => {
  it("keeps the most recently used files of every build, up to the capacity", () => {
    const dir = folderWith({
      [cache("a1")]: 1 * minute,
      [cache("b2", "task-list")]: 2 * minute, // another build, still in use
      [cache("c3")]: 50 * minute,
      [cache("d4")]: 60 * minute,
    });
    const removed = pruneCompileCache(fs, dir, cache("e5"), { capacity: 3, now });
    expect(removed.sort()).toEqual([cache("c3"), cache("d4")].sort());
    expect(fs.readdirSync(dir).sort()).toEqual([cache("a1"), cache("b2", "task-list")].sort());
  });

  it("never removes the file about to be written, nor anything it did not name", () => {
    const foreign = [
      "notes.txt",
      "app-0123.v8",
      "app-0123456789abcdef-v20.20.2-x64-task-get.v8.bak",
      "batch.mjs",
      "other-tool.v8",
    ];
    const dir = folderWith({
      ...Object.fromEntries(foreign.map((name) => [name, 1000 * minute])),
      [cache("a1")]: 999 * minute,
    });
    expect(pruneCompileCache(fs, dir, cache("a1"), { capacity: 1, now })).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual([...foreign, cache("a1")].sort());
  });

  it("removes temporary files only once they are old enough to be abandoned", () => {
    const fresh = compileCacheTemporaryFile(cache("a1"), 41, "k2");
    const abandoned = compileCacheTemporaryFile(cache("b2"), 42, "z9");
    const dir = folderWith({ [fresh]: minute, [abandoned]: abandonedTemporaryFileMs + minute });
    expect(pruneCompileCache(fs, dir, cache("c3"), { now })).toEqual([abandoned]);
    expect(fs.readdirSync(dir)).toEqual([fresh]);
  });

  it("skips files another run removes meanwhile", () => {
    const dir = folderWith({ [cache("a1")]: minute, [cache("b2")]: 2 * minute });
    // Another run prunes between this run's listing and its look at each file.
    const racing = {
      ...fs,
      statSync: ((path: string, options: fs.StatSyncOptions) => {
        fs.rmSync(path, { force: true });
        return fs.statSync(path, options);
      }) as typeof fs.statSync,
    };
    expect(pruneCompileCache(racing, dir, cache("c3"), { capacity: 1, now })).toEqual([]);
    const failing = {
      ...fs,
      rmSync: () => {
        throw Object.assign(new Error("busy"), { code: "EBUSY" });
      },
    };
    const other = folderWith({ [cache("a1")]: minute, [cache("b2")]: 2 * minute });
    const lines: string[] = [];
    expect(
      pruneCompileCache(failing, other, cache("c3"), {
        capacity: 1,
        now,
        debug: (line) => lines.push(line),
      }),
    ).toEqual([]);
    expect(lines).toEqual([
      `could not remove ${cache("a1")}: EBUSY`,
      `could not remove ${cache("b2")}: EBUSY`,
    ]);
  });
});
