import { createRequire } from "node:module";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { yargsWithoutArgumentChecks } from "./yargs-without-argument-checks.mjs";

const require = createRequire(import.meta.url);

/** Runs a bundled yargs program that misuses .version(), and collects yargs' warnings. */
async function warnings(plugins) {
  const result = await build({
    stdin: {
      contents: 'import yargs from "yargs";\nyargs([]).version(1, 2, 3, 4);',
      loader: "js",
      resolveDir: import.meta.dirname,
    },
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    define: { "import.meta.url": "__bundleUrl" },
    plugins,
    logLevel: "silent",
  });
  const warned = [];
  const console = { ...globalThis.console, warn: (message) => warned.push(String(message)) };
  new Function(
    "require",
    "module",
    "exports",
    "__bundleUrl",
    "console",
    result.outputFiles[0].text,
  )(require, { exports: {} }, {}, import.meta.url, console);
  return warned;
}

describe("yargsWithoutArgumentChecks", () => {
  it("keeps yargs from checking the arguments of its own methods", async () => {
    expect((await warnings([])).join("\n")).toMatch(/Too many arguments provided/);
    expect(await warnings([yargsWithoutArgumentChecks()])).toEqual([]);
  });
});
