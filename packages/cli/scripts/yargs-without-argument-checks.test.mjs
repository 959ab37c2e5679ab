import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { runBundled } from "./run-bundled.test-support.mjs";
import { yargsWithoutArgumentChecks } from "./yargs-without-argument-checks.mjs";

const require = createRequire(import.meta.url);

/** Runs a bundled yargs program that misuses .version(), and collects yargs' warnings. */
async function warnings(plugins) {
  const warned = [];
  const console = { ...globalThis.console, warn: (message) => warned.push(String(message)) };
  await runBundled('import yargs from "yargs";\nyargs([]).version(1, 2, 3, 4);', {
    plugins,
    require,
    console,
  });
  return warned;
}

describe("yargsWithoutArgumentChecks", () => {
  it("keeps yargs from checking the arguments of its own methods", async () => {
    expect((await warnings([])).join("\n")).toMatch(/Too many arguments provided/);
    expect(await warnings([yargsWithoutArgumentChecks()])).toEqual([]);
  });
});
