import { builtinModules, createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { builtinsViaRequire, namesIn } from "./builtins-via-require.mjs";
import { runBundled } from "./run-bundled.test-support.mjs";

const realRequire = createRequire(import.meta.url);

/** Runs `source` bundled with the plugin, recording which built-ins it requires. */
async function bundleAndRun(source, names) {
  const required = [];
  const require = (id) => {
    if (builtinModules.includes(id.replace(/^node:/, ""))) required.push(id);
    return realRequire(id);
  };
  const exports = await runBundled(source, { plugins: [builtinsViaRequire({ names })], require });
  return { exports, required };
}

describe("builtinsViaRequire", () => {
  it("requires a built-in only when one of its exports is first read", async () => {
    const { exports, required } = await bundleAndRun(
      [
        'import { readFile } from "node:fs/promises";',
        'import * as os from "os";',
        "export const readFileOf = () => readFile;",
        "export const eolOf = () => os.EOL;",
      ].join("\n"),
    );
    expect(required).toEqual([]);
    expect(exports.readFileOf()).toBe(realRequire("node:fs/promises").readFile);
    expect(required).toEqual(["node:fs/promises"]);
    expect(exports.eolOf()).toBe(realRequire("node:os").EOL);
    expect(required).toEqual(["node:fs/promises", "node:os"]);
  });

  it("hands over the built-in's own classes and default export", async () => {
    const { exports } = await bundleAndRun(
      [
        'import * as http from "node:http";',
        'import path from "path";',
        "export const agent = () => new http.Agent({ keepAlive: true });",
        'export const joined = () => path.join("a", "b");',
      ].join("\n"),
    );
    const agent = exports.agent();
    expect(agent).toBeInstanceOf(realRequire("node:http").Agent);
    agent.destroy();
    expect(exports.joined()).toBe(realRequire("node:path").join("a", "b"));
  });

  it("offers only the exports named, when names are given: those its code mentions", async () => {
    const source = [
      'import * as path from "node:path";',
      'export const joined = () => path.join("a", "b");',
      "export const names = () => Object.keys(path);",
    ].join("\n");
    expect(namesIn(source).has("join")).toBe(true);
    const { exports } = await bundleAndRun(source, namesIn(source));
    expect(exports.joined()).toBe(realRequire("node:path").join("a", "b"));
    expect(exports.names().filter((name) => name !== "default")).toEqual(["join"]);
    const { exports: all } = await bundleAndRun(source);
    expect(all.names()).toEqual(expect.arrayContaining(["join", "resolve", "dirname"]));
  });
});
