import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compileCacheCommand,
  compileCacheDir,
  compileCacheFile,
  compileCacheFilePattern,
  compileCacheTemporaryFile,
  compileCacheTemporaryFilePattern,
  partCacheFile,
} from "./compile-cache-path.js";

describe("compile cache path", () => {
  it("is BATCH_CACHE_DIR, else under XDG_CACHE_HOME, and off with BATCH_COMPILE_CACHE=0", () => {
    expect(compileCacheDir({ BATCH_CACHE_DIR: "/c", XDG_CACHE_HOME: "/x" })).toBe("/c");
    expect(compileCacheDir({ XDG_CACHE_HOME: "/x" })).toBe(join("/x", "batch"));
    expect(compileCacheDir({ BATCH_COMPILE_CACHE: "0", BATCH_CACHE_DIR: "/c" })).toBeUndefined();
    expect(compileCacheDir({ BATCH_COMPILE_CACHE: "off" })).toBeUndefined();
    expect(compileCacheDir({}, () => "/home/u")).toBe(join("/home/u", ".cache", "batch"));
  });

  it("is no cache, never an error, when there is no home folder", () => {
    const noHome = () => {
      throw new Error("uv_os_homedir returned ENOENT");
    };
    expect(compileCacheDir({}, noHome)).toBeUndefined();
    expect(compileCacheDir({}, () => "")).toBeUndefined();
  });

  it("names the command from the leading words of the command line", () => {
    expect(compileCacheCommand(["task", "get", "--job-id", "j"])).toBe("task-get");
    expect(compileCacheCommand(["task", "add-collection", "--json-file", "-"])).toBe(
      "task-add-collection",
    );
    expect(compileCacheCommand(["configure", "prod"])).toBe("configure-prod");
    expect(compileCacheCommand(["job", "--help"])).toBe("job");
    expect(compileCacheCommand(["--version"])).toBe("none");
    expect(compileCacheCommand([])).toBe("none");
  });

  it("never puts anything but short lower-case words in a file name", () => {
    expect(compileCacheCommand(["../../etc", "x"])).toBe("none");
    expect(compileCacheCommand(["task", "G3T"])).toBe("task");
    expect(compileCacheCommand(["a".repeat(31)])).toBe("none");
    expect(compileCacheFile("0123456789abcdef", "task-get")).toBe(
      `app-0123456789abcdef-${process.version}-${process.arch}-task-get.v8`,
    );
    const lib = (part: string) =>
      `lib-0123456789abcdef-${process.version}-${process.arch}-${part}.v8`;
    expect(partCacheFile("0123456789abcdef", "@batch/testing")).toBe(lib("batch-testing"));
    expect(partCacheFile("0123456789abcdef", "cli-table3")).toBe(lib("cli-table3"));
    expect(partCacheFile("0123456789abcdef", "../../x.y")).toBe(lib("x-y"));
    expect(partCacheFile("0123456789abcdef", "./")).toBe(lib("part"));
  });

  it("recognises exactly the names it gives, so pruning never touches another file", () => {
    const name = compileCacheFile("0123456789abcdef", "task-add-collection");
    expect(compileCacheFilePattern.test(name)).toBe(true);
    expect(compileCacheFilePattern.test(compileCacheFile("0123456789abcdef", "none"))).toBe(true);
    for (const part of ["yargs", "@batch/testing", "cli-table3", "../x"]) {
      expect(compileCacheFilePattern.test(partCacheFile("0123456789abcdef", part))).toBe(true);
    }
    for (const other of [
      `${name}.bak`,
      `x${name}`,
      "app-0123456789abcdef-v20.20.2-x64-../x.v8",
      "app-0123456789ABCDEF-v20.20.2-x64-task.v8",
      "app-0123-v20.20.2-x64-task.v8",
      "lib-0123456789abcdef-v20.20.2-x64-.v8",
      "lib-0123456789abcdef-v20.20.2-x64-a.b.v8",
      "lib-0123456789abcdef-v20.20.2-x64-a/b.v8",
      "notes.v8",
    ]) {
      expect(compileCacheFilePattern.test(other)).toBe(false);
    }
    const temporary = compileCacheTemporaryFile(name, 4321, "k3x9");
    expect(temporary).toBe(`${name}.4321-k3x9.tmp`);
    expect(compileCacheTemporaryFilePattern.test(temporary)).toBe(true);
    expect(compileCacheFilePattern.test(temporary)).toBe(false);
    expect(compileCacheTemporaryFilePattern.test(`${name}.tmp`)).toBe(false);
  });
});
