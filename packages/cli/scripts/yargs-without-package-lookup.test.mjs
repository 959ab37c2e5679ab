import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { runBundled } from "./run-bundled.test-support.mjs";
import { yargsWithoutPackageLookup } from "./yargs-without-package-lookup.mjs";

const realRequire = createRequire(import.meta.url);

/** Runs a bundled yargs program and lists the folders it lists. */
async function foldersListed(plugins) {
  const listed = [];
  const fs = realRequire("node:fs");
  const countingFs = {
    ...fs,
    readdirSync: (...args) => {
      listed.push(args[0]);
      return fs.readdirSync(...args);
    },
  };
  const require = (id) => (id === "fs" || id === "node:fs" ? countingFs : realRequire(id));
  await runBundled('import yargs from "yargs";\nyargs(["--flag"]).version("1.0.0").parse();', {
    plugins,
    require,
  });
  return listed;
}

describe("yargsWithoutPackageLookup", () => {
  it("keeps yargs from listing folders in search of a package.json", async () => {
    expect((await foldersListed([])).length).toBeGreaterThan(0);
    expect(await foldersListed([yargsWithoutPackageLookup()])).toEqual([]);
  });
});
