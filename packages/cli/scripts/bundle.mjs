// Bundles the CLI into one executable ESM file, dist/batch.mjs, that runs with nothing else
// installed: every dependency is inlined and the file starts with a shebang. Start-up time is
// a feature here (a `batch task get` should cost little more than starting Node), so:
//   - packages only some commands need (YAML, JMESPath, tables, progress bars, the emulator)
//     are embedded as strings and compiled on first use (deferred-modules.mjs);
//   - string-width's costly set-up is deferred until help text is laid out (lazy-string-width.mjs),
//     and yargs' internal checks do without node:assert (lazy-assert.mjs);
//   - Headers, Request and Response are the CLI's light classes instead of Node's globals,
//     whose first use loads undici (src/transport/light-fetch-classes.ts).
import { chmodSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { builtinsViaRequire } from "./builtins-via-require.mjs";
import { deferredModules } from "./deferred-modules.mjs";
import { lazyAssert } from "./lazy-assert.mjs";
import { lazyStringWidth } from "./lazy-string-width.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const outfile = join(root, "dist", "batch.mjs");
const sizeLimit = 1024 * 1024;
const target = "node20";

await build({
  entryPoints: [join(root, "src", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target,
  minify: true,
  legalComments: "none",
  // Optional at run time: loaded with import() only for `--auth entra`, never bundled.
  external: ["@azure/identity"],
  plugins: [
    lazyStringWidth(),
    lazyAssert(),
    builtinsViaRequire(),
    deferredModules(["yaml", "jmespath", "cli-table3", "cli-progress", "@batch/testing"], {
      target,
    }),
  ],
  inject: [join(root, "src", "transport", "light-fetch-classes.ts")],
  define: {
    __CLI_VERSION__: JSON.stringify(pkg.version),
    // openapi-fetch reads the class through globalThis; point it at the injected one too.
    "globalThis.Request": "Request",
    "globalThis.Response": "Response",
    "globalThis.Headers": "Headers",
  },
  banner: {
    // Bundled CommonJS dependencies (yargs helpers, the deferred modules) still call require().
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
chmodSync(outfile, 0o755);

const size = statSync(outfile).size;
if (size > sizeLimit) {
  throw new Error(`dist/batch.mjs is ${size} bytes, over the ${sizeLimit} byte budget`);
}
