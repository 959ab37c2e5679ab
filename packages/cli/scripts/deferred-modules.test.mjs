import { createRequire } from "node:module";
import { Script } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { deferredModules } from "./deferred-modules.mjs";
import { runBundled } from "./run-bundled.test-support.mjs";

const require = createRequire(import.meta.url);
const picocolors = require("picocolors");

afterEach(() => {
  delete globalThis.__deferredModule;
});

/**
 * Bundles `source` deferring picocolors; the bundle reads deferred code through `read` and
 * compiles it as the loader does (one function expression).
 */
async function bundle(source, read, plugins = []) {
  const sources = new Map();
  const requested = [];
  globalThis.__deferredModule = (name) => {
    requested.push(name);
    return new Script(read(sources.get(name))).runInThisContext();
  };
  const exports = await runBundled(source, {
    plugins: [deferredModules(["picocolors"], { target: "node20", sources, plugins })],
    require,
  });
  return { exports, sources, requested };
}

describe("deferredModules", () => {
  it("bundles a dynamically imported package apart, read and run on its first import only", async () => {
    const { exports, sources, requested } = await bundle(
      'export const load = () => import("picocolors");',
      (code) => code,
    );
    expect([...sources.keys()]).toEqual(["picocolors"]);
    expect(sources.get("picocolors")).toContain("createColors");
    expect(sources.get("picocolors")).toMatch(
      /^\(function \(module, exports, require, __deferredModuleUrl\) \{\n[\s\S]*\n\}\)$/,
    );
    expect(requested).toEqual([]);
    const first = await exports.load();
    const second = await exports.load();
    expect(requested).toEqual(["picocolors"]);
    expect(second).toBe(first);
    // As a CommonJS package imported from ESM: module.exports is the default export.
    expect(Object.keys(first.default).sort()).toEqual(Object.keys(picocolors).sort());
    expect(first.default.createColors(false).red("x")).toBe("x");
  });

  it("leaves a package imported statically in the bundle", async () => {
    const { exports, sources, requested } = await bundle(
      'import pc from "picocolors";\nexport const red = (text) => pc.createColors(true).red(text);',
      () => {
        throw new Error("not deferred");
      },
    );
    expect(sources.size).toBe(0);
    expect(exports.red("x")).toBe("\x1b[31mx\x1b[39m");
    expect(requested).toEqual([]);
  });

  it("builds the deferred package with the plugins given for it", async () => {
    const replaced = {
      name: "replace-picocolors",
      setup(build) {
        build.onResolve({ filter: /^picocolors$/ }, () => ({ path: "x", namespace: "replaced" }));
        build.onLoad({ filter: /.*/, namespace: "replaced" }, () => ({
          contents: "module.exports = { replaced: true };",
          loader: "js",
        }));
      },
    };
    const { exports } = await bundle(
      'export const load = () => import("picocolors");',
      (code) => code,
      [replaced],
    );
    expect((await exports.load()).default).toEqual({ replaced: true });
  });

  it("lets a failure to read the deferred code reach the import", async () => {
    const { exports } = await bundle('export const load = () => import("picocolors");', () => {
      throw new Error('batch.mjs is damaged (its part "picocolors" is cut or altered)');
    });
    await expect(exports.load()).rejects.toThrow(/"picocolors" is cut or altered/);
  });
});
