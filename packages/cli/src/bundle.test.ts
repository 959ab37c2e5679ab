// The bundled CLI is one file that runs on its own.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bundle = fileURLToPath(new URL("../dist/batch.mjs", import.meta.url));
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

describe("dist/batch.mjs", () => {
  it("is an executable with a shebang", () => {
    expect(readFileSync(bundle, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(bundle).mode & 0o111).not.toBe(0);
  });

  it("runs alone, copied into an empty folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-cli-"));
    copyFileSync(bundle, join(dir, "batch.mjs"));
    const out = execFileSync(process.execPath, [join(dir, "batch.mjs"), "--version"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(out.trim()).toBe(pkg.version);
  });
});
