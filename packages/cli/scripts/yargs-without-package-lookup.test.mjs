import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { yargsWithoutPackageLookup } from "./yargs-without-package-lookup.mjs";

const realRequire = createRequire(import.meta.url);

/** Runs a bundled yargs program and counts the folders it lists. */
async function foldersListed(plugins) {
  const result = await build({
    stdin: {
      contents: 'import yargs from "yargs";\nyargs(["--flag"]).version("1.0.0").parse();',
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
  new Function("require", "module", "exports", "__bundleUrl", result.outputFiles[0].text)(
    require,
    { exports: {} },
    {},
    pathToFileURL(import.meta.filename).href,
  );
  return listed;
}

describe("yargsWithoutPackageLookup", () => {
  it("keeps yargs from listing folders in search of a package.json", async () => {
    expect((await foldersListed([])).length).toBeGreaterThan(0);
    expect(await foldersListed([yargsWithoutPackageLookup()])).toEqual([]);
  });
});
