import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { clientVersion } from "./version.js";

const script = fileURLToPath(new URL("../scripts/write-version.mjs", import.meta.url));

describe("clientVersion", () => {
  it("is the version in package.json (the build writes it; run the build after a bump)", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
      scripts: { build: string };
    };
    expect(clientVersion).toBe(pkg.version);
    // The build writes the version before compiling, so `changeset version` cannot drift from it.
    expect(pkg.scripts.build).toMatch(
      /^(node scripts\/clean-dist\.mjs && )?node scripts\/write-version\.mjs && tsc /,
    );
  });

  it("is rewritten from whatever version package.json says", () => {
    const dir = mkdtempSync(join(tmpdir(), "client-version-"));
    try {
      mkdirSync(join(dir, "src"));
      writeFileSync(join(dir, "package.json"), JSON.stringify({ version: "3.14.0-next.2" }));
      execFileSync(process.execPath, [script, dir]);
      const written = readFileSync(join(dir, "src", "version.ts"), "utf8");
      expect(written).toContain('export const clientVersion = "3.14.0-next.2";');
      // The committed file is exactly what the script writes for the current version.
      const committed = readFileSync(new URL("./version.ts", import.meta.url), "utf8");
      expect(committed).toBe(written.replace("3.14.0-next.2", clientVersion));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
