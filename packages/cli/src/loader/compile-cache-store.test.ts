import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileCacheFile } from "./compile-cache-path.js";
import { compileCacheCapacity } from "./compile-cache-prune.js";
import {
  type CacheFs,
  newestCompileCache,
  readCompileCache,
  refreshAfterMs,
  refreshCompileCache,
  writeCompileCache,
} from "./compile-cache-store.js";

const name = compileCacheFile("0123456789abcdef", "task-get");
const asRoot = process.getuid?.() === 0;

function newDir(): string {
  return fs.mkdtempSync(join(tmpdir(), "batch-store-"));
}

function recorder(): { lines: string[]; debug: (line: string) => void } {
  const lines: string[] = [];
  return { lines, debug: (line) => lines.push(line) };
}

function failingWith(code: string, method: keyof CacheFs): CacheFs {
  return {
    ...fs,
    [method]: () => {
      throw Object.assign(new Error(`${code}: simulated`), { code });
    },
  };
}

describe("writeCompileCache", () => {
  it("makes the folder 0700 and the file 0600, written aside and renamed", () => {
    const dir = join(newDir(), "cache", "batch");
    const renames: string[][] = [];
    const watching = {
      ...fs,
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        renames.push([String(from), String(to)]);
        fs.renameSync(from, to);
      },
    };
    expect(writeCompileCache(watching, dir, name, () => Buffer.from("code"), { nonce: "n1" })).toBe(
      true,
    );
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(join(dir, name), "utf8")).toBe("code");
    expect(renames).toEqual([[`${dir}/${name}.${process.pid}-n1.tmp`, `${dir}/${name}`]]);
    expect(fs.readdirSync(dir)).toEqual([name]);
  });

  it("replaces a file already there", () => {
    const dir = newDir();
    fs.writeFileSync(join(dir, name), "old");
    expect(writeCompileCache(fs, dir, name, () => Buffer.from("new"))).toBe(true);
    expect(fs.readFileSync(join(dir, name), "utf8")).toBe("new");
  });

  it("gives up without throwing on a full disk, leaving no temporary file", () => {
    const dir = newDir();
    const { lines, debug } = recorder();
    const full = {
      ...fs,
      writeFileSync: ((
        path: fs.PathOrFileDescriptor,
        _data: unknown,
        options: fs.WriteFileOptions,
      ) => {
        fs.writeFileSync(path, "half", options);
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      }) as typeof fs.writeFileSync,
    };
    expect(writeCompileCache(full, dir, name, () => Buffer.from("code"), { debug })).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(lines).toEqual([`not written to ${dir}: ENOSPC`]);
  });

  it("gives up without throwing when the folder cannot be made or written", () => {
    const file = join(newDir(), "a-file");
    fs.writeFileSync(file, "");
    const { lines, debug } = recorder();
    expect(
      writeCompileCache(fs, join(file, "batch"), name, () => Buffer.from("x"), { debug }),
    ).toBe(false);
    expect(lines).toEqual([`not written to ${join(file, "batch")}: ENOTDIR`]);
    const dir = newDir();
    expect(
      writeCompileCache(failingWith("EACCES", "writeFileSync"), dir, name, () => Buffer.from("x")),
    ).toBe(false);
    expect(
      writeCompileCache(failingWith("EROFS", "mkdirSync"), dir, name, () => Buffer.from("x")),
    ).toBe(false);
    expect(
      writeCompileCache(failingWith("EXDEV", "renameSync"), dir, name, () => Buffer.from("x")),
    ).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("writes nothing into a folder others can write", () => {
    const dir = newDir();
    fs.chmodSync(dir, 0o777);
    const { lines, debug } = recorder();
    expect(writeCompileCache(fs, dir, name, () => Buffer.from("x"), { debug })).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(lines).toEqual([`not writing to ${dir}: writable by its group (mode 777)`]);
  });

  it("prunes the folder to its capacity before writing", () => {
    const dir = newDir();
    const old = Date.now() / 1000 - 3600;
    for (let index = 0; index < compileCacheCapacity + 3; index++) {
      const other = compileCacheFile(index.toString(16).padStart(16, "0"), "task-get");
      fs.writeFileSync(join(dir, other), "");
      fs.utimesSync(join(dir, other), old + index, old + index);
    }
    fs.writeFileSync(join(dir, "unrelated.txt"), "");
    expect(writeCompileCache(fs, dir, name, () => Buffer.from("x"))).toBe(true);
    const left = fs.readdirSync(dir);
    expect(left).toHaveLength(compileCacheCapacity + 1);
    expect(left).toContain(name);
    expect(left).toContain("unrelated.txt");
    // The least recently used went.
    expect(left).not.toContain(compileCacheFile("0".repeat(16), "task-get"));
  });
});

describe("readCompileCache", () => {
  it("finds a file of this user's own folder", () => {
    const dir = newDir();
    fs.writeFileSync(join(dir, name), "code", { mode: 0o600 });
    const read = readCompileCache(fs, dir, name);
    expect(read.state).toBe("found");
    expect(read.state === "found" && read.data.toString()).toBe("code");
  });

  it("is missing, to be written, when there is no folder or file yet, or it cannot be read", () => {
    const dir = newDir();
    const { lines, debug } = recorder();
    expect(readCompileCache(fs, join(dir, "nope"), name, debug)).toEqual({ state: "missing" });
    expect(readCompileCache(fs, dir, name, debug)).toEqual({ state: "missing" });
    fs.writeFileSync(join(dir, name), "code");
    expect(readCompileCache(failingWith("EIO", "readFileSync"), dir, name, debug)).toEqual({
      state: "missing",
    });
    expect(lines).toEqual([
      `${join(dir, "nope")} does not exist yet`,
      `no cache read from ${dir}/${name}: ENOENT`,
      `no cache read from ${dir}/${name}: EIO`,
    ]);
  });

  it("never reads a folder or file others can write, nor a folder of another user", () => {
    const dir = newDir();
    fs.writeFileSync(join(dir, name), "code", { mode: 0o600 });
    fs.chmodSync(dir, 0o770);
    const { lines, debug } = recorder();
    expect(readCompileCache(fs, dir, name, debug)).toEqual({ state: "untrusted" });
    fs.chmodSync(dir, 0o700);
    fs.chmodSync(join(dir, name), 0o666);
    expect(readCompileCache(fs, dir, name, debug)).toEqual({ state: "missing" });
    expect(lines).toEqual([
      `not using ${dir}: writable by its group (mode 770)`,
      `not reading ${dir}/${name}: writable by its group (mode 666); it will be replaced`,
    ]);
  });

  it.skipIf(!asRoot)("never reads a folder that belongs to another user", () => {
    const dir = newDir();
    fs.writeFileSync(join(dir, name), "code", { mode: 0o600 });
    fs.chownSync(dir, 54321, 54321);
    expect(readCompileCache(fs, dir, name)).toEqual({ state: "untrusted" });
    expect(writeCompileCache(fs, dir, name, () => Buffer.from("x"))).toBe(false);
  });
});

describe("refreshCompileCache", () => {
  it("marks a cache used when its last mark is over an hour old, and never throws", () => {
    const dir = newDir();
    const file = join(dir, name);
    fs.writeFileSync(file, "code");
    const then = Date.UTC(2026, 0, 1);
    fs.utimesSync(file, then / 1000, then / 1000);
    refreshCompileCache(fs, file, then, { now: then + refreshAfterMs - 1 });
    expect(fs.statSync(file).mtimeMs).toBe(then);
    refreshCompileCache(fs, file, then, { now: then + refreshAfterMs });
    expect(fs.statSync(file).mtimeMs).toBe(then + refreshAfterMs);
    const { lines, debug } = recorder();
    refreshCompileCache(fs, join(dir, "gone"), then, { now: then + refreshAfterMs, debug });
    expect(lines).toEqual([`could not mark ${join(dir, "gone")} used: ENOENT`]);
  });
});

describe("newestCompileCache", () => {
  it("names the most recently used cache with the prefix, other than the one wanted", () => {
    const dir = newDir();
    const prefix = "app-0123456789abcdef-v20.0.0-x64-";
    const at = (file: string, seconds: number) => {
      fs.writeFileSync(join(dir, file), file);
      fs.utimesSync(join(dir, file), seconds, seconds);
    };
    at(`${prefix}task-list.v8`, 1000);
    at(`${prefix}job-get.v8`, 3000);
    at(`${prefix}task-get.v8`, 5000);
    at("app-fedcba9876543210-v20.0.0-x64-job-list.v8", 9000);
    at(`${prefix}task-add.v8.123-abc.tmp`, 9000);
    fs.mkdirSync(join(dir, `${prefix}folder.v8`));
    expect(newestCompileCache(fs, dir, prefix, `${prefix}task-get.v8`)).toBe(`${prefix}job-get.v8`);
    expect(newestCompileCache(fs, dir, prefix, `${prefix}wait.v8`)).toBe(`${prefix}task-get.v8`);
    expect(newestCompileCache(fs, dir, "app-0000000000000000-", "x")).toBeUndefined();
    expect(newestCompileCache(fs, join(dir, "missing"), prefix, "x")).toBeUndefined();
  });
});
