import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("./clean-dist.mjs", import.meta.url));

describe("clean-dist", () => {
  it("removes dist/ with everything in it (a stale file from before a move too), and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), "client-clean-"));
    try {
      mkdirSync(join(dir, "dist", "bulk-add"), { recursive: true });
      writeFileSync(join(dir, "dist", "bulk-add.js"), "stale");
      writeFileSync(join(dir, "dist", "bulk-add", "add-many.js"), "current");
      mkdirSync(join(dir, "src"));
      writeFileSync(join(dir, "src", "index.ts"), "source");
      execFileSync(process.execPath, [script, dir]);
      expect(existsSync(join(dir, "dist"))).toBe(false);
      expect(readFileSync(join(dir, "src", "index.ts"), "utf8")).toBe("source");
      // A second run, with no dist/ left, is fine too.
      execFileSync(process.execPath, [script, dir]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs first in build, before anything is compiled into dist/", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.scripts.build.startsWith("node scripts/clean-dist.mjs && ")).toBe(true);
  });
});
