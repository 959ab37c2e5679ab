import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lazyAssert } from "./lazy-assert.mjs";
import { runBundled } from "./run-bundled.test-support.mjs";

const realRequire = createRequire(import.meta.url);

/** A module at `<tmp>/<folder>/checks.mjs` that hands out node:assert's two checks. */
function checksModule(folder) {
  const dir = join(mkdtempSync(join(tmpdir(), "batch-lazy-assert-")), folder);
  mkdirSync(dir);
  const file = join(dir, "checks.mjs");
  writeFileSync(
    file,
    'import { notStrictEqual, strictEqual } from "node:assert";\nexport { notStrictEqual, strictEqual };\n',
  );
  return file;
}

/** Bundles and runs `export * from file`, recording which modules it requires. */
async function load(file, plugins) {
  const required = [];
  const require = (id) => {
    required.push(id);
    return realRequire(id);
  };
  const checks = await runBundled(`export * from ${JSON.stringify(file)};`, { plugins, require });
  return { checks, required };
}

describe("lazyAssert", () => {
  it("gives yargs checks of its own, without node:assert", async () => {
    const { checks, required } = await load(checksModule("yargs"), [lazyAssert()]);
    expect(required).toEqual([]);
    expect(() => checks.strictEqual(1, 1)).not.toThrow();
    expect(() => checks.strictEqual(Number.NaN, Number.NaN)).not.toThrow();
    expect(() => checks.strictEqual(1, "1", "one is not '1'")).toThrow(new Error("one is not '1'"));
    expect(() => checks.strictEqual(0, -0)).toThrow("Expected values to be strictly equal");
    expect(() => checks.notStrictEqual(1, 2)).not.toThrow();
    expect(() => checks.notStrictEqual("a", "a")).toThrow("Expected values to be strictly unequal");
  });

  it("leaves node:assert to every other package", async () => {
    const { checks, required } = await load(checksModule("other"), [lazyAssert()]);
    expect(required.map((id) => id.replace(/^node:/, ""))).toEqual(["assert"]);
    expect(checks.strictEqual).toBe(realRequire("node:assert").strictEqual);
  });
});
