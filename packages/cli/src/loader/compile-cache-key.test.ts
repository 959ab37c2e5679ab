import { describe, expect, it } from "vitest";
import {
  type CompileCacheKey,
  compileCacheKeyHash,
  compileFlags,
  fnv1a64,
  nodeOptionsWords,
  processCompileCacheKey,
} from "./compile-cache-key.js";

const key: CompileCacheKey = {
  build: "0123456789abcdef",
  cliVersion: "1.2.3",
  node: "v20.20.2",
  v8: "11.3.244.8-node.33",
  arch: "x64",
  platform: "linux",
  flags: [],
};

describe("compile cache key", () => {
  it("changes with every part that makes a cache unusable", () => {
    const hash = compileCacheKeyHash(key);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(compileCacheKeyHash({ ...key })).toBe(hash);
    const changed: CompileCacheKey[] = [
      { ...key, build: "fedcba9876543210" },
      { ...key, cliVersion: "1.2.4" },
      { ...key, node: "v22.1.0" },
      { ...key, v8: "12.4.254.21-node.33" },
      { ...key, arch: "arm64" },
      { ...key, platform: "darwin" },
      { ...key, flags: ["--max-old-space-size=100"] },
      { ...key, flags: ["--no-opt"] },
    ];
    const hashes = changed.map(compileCacheKeyHash);
    expect(new Set([hash, ...hashes]).size).toBe(changed.length + 1);
  });

  it("keeps the flags that reach V8 and drops those that only name files or the debugger", () => {
    expect(
      compileFlags(
        [
          "--max-old-space-size=64",
          "--require",
          "./a.cjs",
          "-r",
          "b",
          "--import=./p.mjs",
          "--inspect=9229",
        ],
        '--stack-size=900 --import "./with space.mjs" --no-lazy --title=batch --env-file=.env',
      ),
    ).toEqual(["--max-old-space-size=64", "--stack-size=900", "--no-lazy"]);
    expect(compileFlags([], undefined)).toEqual([]);
  });

  it("reads NODE_OPTIONS words as Node does, quotes included", () => {
    expect(nodeOptionsWords('--a  --b="x y" "--c d" --e')).toEqual([
      "--a",
      "--b=x y",
      "--c d",
      "--e",
    ]);
    expect(nodeOptionsWords('"--x \\"q\\""')).toEqual(['--x "q"']);
    expect(nodeOptionsWords(undefined)).toEqual([]);
  });

  it("is this process's Node, V8, architecture and flags", () => {
    const own = processCompileCacheKey("0123456789abcdef", "1.2.3");
    expect(own).toEqual({
      build: "0123456789abcdef",
      cliVersion: "1.2.3",
      node: process.version,
      v8: process.versions.v8,
      arch: process.arch,
      platform: process.platform,
      flags: compileFlags(process.execArgv, process.env.NODE_OPTIONS),
    });
  });
});

describe("fnv1a64", () => {
  it("gives FNV-1a's published 64-bit values", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("agrees with a BigInt FNV-1a on long and non-ASCII text", () => {
    const reference = (text: string) => {
      let hash = 0xcbf29ce484222325n;
      for (let index = 0; index < text.length; index++) {
        hash ^= BigInt(text.charCodeAt(index));
        hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
      }
      return hash.toString(16).padStart(16, "0");
    };
    for (const text of [
      "x".repeat(1000),
      "ünïcødé ✓ \uffff\u0000",
      JSON.stringify({ a: [1, 2] }),
    ]) {
      expect(fnv1a64(text)).toBe(reference(text));
    }
  });
});
