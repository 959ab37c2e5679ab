// The README's claims that code can check: the pipeline's order is the one `createPipeline`
// composes, and every error code the client makes itself is listed in the README's table.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const srcDir = fileURLToPath(new URL(".", import.meta.url));
const readme = readFileSync(join(srcDir, "..", "README.md"), "utf8");

/** The client's own source files: no tests, no test support. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "test-support" ? [] : sourceFiles(path);
    return /(?<!\.test|\.test-d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe("README", () => {
  it("gives the pipeline's steps in the order createPipeline composes them", () => {
    const pipeline = readFileSync(join(srcDir, "pipeline.ts"), "utf8");
    const composed = /const steps = \[([^\]]+)\]/.exec(pipeline)?.[1];
    expect(composed).toBeDefined();
    const inCode = [...composed!.matchAll(/parts\.(\w+)/g)].map((m) => m[1]);
    const section = readme.slice(readme.indexOf("## The pipeline"));
    const inReadme = [...section.matchAll(/^\d+\. \*\*(\w+)\*\*/gm)].map((m) => m[1]);
    expect(inCode).toEqual(["headers", "retry", "timeout", "auth", "logging"]);
    expect(inReadme).toEqual([...inCode, "transport"]);
  });

  it("lists every error code the client produces, with its kind", () => {
    const produced = new Map<string, string>();
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, "utf8");
      // Every BatchError the client makes names its kind before its code...
      for (const m of text.matchAll(/kind: "(\w+)",\s*code: "(\w+)"/g)) produced.set(m[2]!, m[1]!);
      // clientError(code, ...) makes one of kind "client".
      for (const m of text.matchAll(/clientError\(\s*"(\w+)"/g)) produced.set(m[1]!, "client");
      // invoke.ts picks between two codes through a parameter typed with both.
      for (const m of text.matchAll(/code: ("\w+"(?: \| "\w+")+),/g)) {
        for (const code of m[1]!.matchAll(/"(\w+)"/g)) produced.set(code[1]!, "service");
      }
    }
    expect(produced.size).toBeGreaterThanOrEqual(12);
    for (const [code, kind] of produced) {
      expect(readme, code).toMatch(new RegExp(`\\| \`${code}\`\\s+\\| \`${kind}\`\\s+\\|`));
    }
  });
});
