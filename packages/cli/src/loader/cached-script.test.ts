import * as fs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { type CachedScriptHost, compileCachedScript } from "./cached-script.js";

let sources = 0;
/**
 * A source this process has not compiled yet: V8 answers a source it has already compiled from
 * its own in-memory cache, without looking at the cache it is given.
 */
function freshSource(): string {
  sources++;
  return `(function (n) { return n * 2 + ${sources} - ${sources}; })`;
}

/** A host over a real folder; exit actions are kept to run when the test says. */
function host(dir: string | undefined) {
  const notes: string[] = [];
  const atExit: ((code: number) => void)[] = [];
  const value: CachedScriptHost = {
    fs,
    Script,
    dir,
    debug: (message) => notes.push(message),
    onExit: (action) => atExit.push(action),
    importModuleDynamically: undefined,
  };
  const exit = (code = 0) => {
    for (const run of atExit.splice(0)) run(code);
  };
  return { host: value, notes, exit };
}

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "batch-cached-script-"));
  fs.chmodSync(dir, 0o700);
  return dir;
}

describe("compileCachedScript", () => {
  it("compiles without a cache, writes one as the process exits; the next run reads it, leaving it as it is", () => {
    const dir = newDir();
    const source = freshSource();
    const first = host(dir);
    const script = compileCachedScript(first.host, { source, filename: "x.js", cacheName: "c.v8" });
    expect((script.runInThisContext() as (n: number) => number)(2)).toBe(4);
    expect(readdirSync(dir)).toEqual([]);
    first.exit();
    const written = readFileSync(join(dir, "c.v8"));
    expect(written.length).toBeGreaterThan(0);

    const second = host(dir);
    const again = compileCachedScript(second.host, { source, filename: "x.js", cacheName: "c.v8" });
    expect(again.cachedDataRejected).toBe(false);
    second.exit();
    expect(readFileSync(join(dir, "c.v8")).equals(written)).toBe(true);
    expect(second.notes.join("\n")).not.toMatch(/rejected|wrote/);
  });

  it("writes a cache V8 refuses anew", () => {
    const dir = newDir();
    writeFileSync(join(dir, "c.v8"), "not a cache", { mode: 0o600 });
    const source = freshSource();
    const run = host(dir);
    const script = compileCachedScript(run.host, { source, filename: "x.js", cacheName: "c.v8" });
    expect(script.cachedDataRejected).toBe(true);
    expect(run.notes).toContain("V8 rejected c.v8; it will be written anew");
    run.exit();
    expect(readFileSync(join(dir, "c.v8"), "latin1")).not.toBe("not a cache");
  });

  it("starts from another cache of the same source when it has none, and still writes its own", () => {
    const dir = newDir();
    const source = freshSource();
    const other = host(dir);
    compileCachedScript(other.host, { source, filename: "x.js", cacheName: "other.v8" });
    other.exit();
    const otherCache = readFileSync(join(dir, "other.v8"));

    const run = host(dir);
    compileCachedScript(run.host, {
      source,
      filename: "x.js",
      cacheName: "own.v8",
      fallbackCacheName: () => "other.v8",
    });
    expect(run.notes).toContain("started from other.v8, for want of own.v8");
    run.exit();
    expect(readdirSync(dir).sort()).toEqual(["other.v8", "own.v8"]);
    expect(readFileSync(join(dir, "other.v8")).equals(otherCache)).toBe(true);

    // A cache of other code is refused by V8: a normal compile, and its own cache is written.
    writeFileSync(join(dir, "stale.v8"), "not a cache", { mode: 0o600 });
    const stale = host(dir);
    const script = compileCachedScript(stale.host, {
      source: freshSource(),
      filename: "x.js",
      cacheName: "third.v8",
      fallbackCacheName: () => "stale.v8",
    });
    expect(script.cachedDataRejected).toBe(true);
    expect(stale.notes).toContain("V8 rejected stale.v8, tried for want of third.v8");
    stale.exit();
    expect(readdirSync(dir)).toContain("third.v8");
  });

  it("writes nothing for a run its writeOnExit refuses, nor with the cache off", () => {
    const dir = newDir();
    const source = freshSource();
    const refused = host(dir);
    compileCachedScript(refused.host, {
      source,
      filename: "x.js",
      cacheName: "c.v8",
      writeOnExit: (code) => code !== 2,
    });
    refused.exit(2);
    expect(readdirSync(dir)).toEqual([]);
    expect(refused.notes).toContain("not written for this run: c.v8");

    const off = host(undefined);
    const script = compileCachedScript(off.host, { source, filename: "x.js", cacheName: "c.v8" });
    off.exit();
    expect((script.runInThisContext() as (n: number) => number)(3)).toBe(6);
    expect(readdirSync(dir)).toEqual([]);
  });
});
