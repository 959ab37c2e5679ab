// Bundles the CLI into one executable ESM file, dist/batch.mjs, that runs with nothing else
// installed: every dependency is inlined and the file starts with a shebang. Start-up time is
// a feature here (a `batch task get` should cost little more than starting Node), so:
//   - the CLI is bundled as one function, carried in a comment after a small loader
//     (src/loader/batch-loader.ts) that compiles it with node:vm and keeps V8's code cache
//     between runs;
//   - packages only some commands need (YAML, JMESPath, tables, progress bars, the emulator)
//     follow in comments of their own, read and compiled on first use (deferred-modules.mjs);
//   - string-width's costly set-up is deferred until help text is laid out (lazy-string-width.mjs),
//     and yargs' internal checks do without node:assert (lazy-assert.mjs);
//   - yargs neither looks for a package.json (yargs-without-package-lookup.mjs) nor checks the
//     arguments of its own methods (yargs-without-argument-checks.mjs);
//   - built-ins are required, not imported, and only when first used (builtins-via-require.mjs).
// Requests go through the client's node:http transport, which on Node never touches fetch's
// globals (Headers, Request, Response): their first use loads undici (tens of ms).
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { builtinsViaRequire, namesIn } from "./builtins-via-require.mjs";
import { commentEndEscape, layOutParts } from "./bundle-parts.mjs";
import { deferredModules } from "./deferred-modules.mjs";
import { lazyAssert } from "./lazy-assert.mjs";
import { lazyStringWidth } from "./lazy-string-width.mjs";
import { nodeBundleOptions } from "./node-bundle-options.mjs";
import { yargsWithoutArgumentChecks } from "./yargs-without-argument-checks.mjs";
import { yargsWithoutPackageLookup } from "./yargs-without-package-lookup.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const outfile = join(root, "dist", "batch.mjs");
mkdirSync(dirname(outfile), { recursive: true });
const sizeLimit = 1024 * 1024;
const target = "node20";

// 1. The CLI as the body of `function (require, module, exports, __bundleUrl, __deferredModule)`.
// Built twice: the stand-ins for Node's built-ins offer no export at first (so the output holds
// no list of them), then only the exports whose names appear in that first output (see
// builtins-via-require.mjs).
// yargs reads the command lines the fast path passes on (src/fast-path/): help, completion,
// errors. It keeps the plugins below that concern it.
const deferredPackages = [
  "yargs",
  "yaml",
  "jmespath",
  "cli-table3",
  "cli-progress",
  "@batch/testing",
];
const yargsPlugins = () => [
  lazyStringWidth(),
  lazyAssert(),
  yargsWithoutPackageLookup(),
  yargsWithoutArgumentChecks(),
];
const deferredSources = new Map();
const buildApp = (builtinNames) =>
  build({
    ...nodeBundleOptions(target),
    entryPoints: [join(root, "src", "main.ts")],
    // Optional at run time: loaded with import() only for `--auth entra`, never bundled.
    external: ["@azure/identity"],
    plugins: [
      ...yargsPlugins(),
      builtinsViaRequire({ names: builtinNames }),
      deferredModules(deferredPackages, {
        target,
        sources: deferredSources,
        plugins: yargsPlugins(),
      }),
    ],
    define: {
      __CLI_VERSION__: JSON.stringify(pkg.version),
      "import.meta.url": "__bundleUrl",
    },
    logLevel: "warning",
  });
const firstBuild = await buildApp(new Set());
const app = await buildApp(namesIn(firstBuild.outputFiles[0].text));
const appSource = `(function (require, module, exports, __bundleUrl, __deferredModule) {\n${app.outputFiles[0].text}\n})`;

// 2. The CLI and each deferred package ride in comments at the end of the file, after the
// loader, each between markers naming it (bundle-parts.mjs). The markers' text comes from the
// loader's own source, compiled here, so writer and reader cannot drift apart.
const markers = await importTypeScript(join(root, "src", "loader", "bundle-parts.ts"));
// The parts in a fixed order, not in the order esbuild happened to finish loading them, so two
// builds of the same sources give the same file.
const rank = (name) => {
  const index = deferredPackages.findIndex((pkg) => name === pkg || name.startsWith(`${pkg}/`));
  return index === -1 ? deferredPackages.length : index;
};
const orderedParts = [...deferredSources].sort(
  ([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0),
);
const parts = [["app", appSource], ...orderedParts];
const { tail, places } = layOutParts(parts, {
  start: markers.partStartMarker,
  end: markers.partEndMarker,
});
// Every part's text: the code caches are keyed by the build (src/loader/compile-cache-key.ts).
const buildHash = createHash("sha256");
for (const [name, text] of parts) buildHash.update(`${name}\n${text.length}\n${text}`);

// 3. The loader, then the comments.
const loader = await build({
  entryPoints: [join(root, "src", "loader", "batch-loader.ts")],
  write: false,
  bundle: true,
  platform: "node",
  format: "esm",
  target,
  minify: true,
  legalComments: "none",
  define: {
    __PARTS__: JSON.stringify(places),
    __COMMENT_END_ESCAPE__: JSON.stringify(commentEndEscape),
    __BUILD_HASH__: JSON.stringify(buildHash.digest("hex").slice(0, 16)),
    __CLI_VERSION__: JSON.stringify(pkg.version),
  },
  logLevel: "warning",
});
writeFileSync(outfile, `#!/usr/bin/env node\n${loader.outputFiles[0].text}${tail}`);
chmodSync(outfile, 0o755);

const size = statSync(outfile).size;
if (size > sizeLimit) {
  throw new Error(`dist/batch.mjs is ${size} bytes, over the ${sizeLimit} byte budget`);
}

/** The exports of a TypeScript module with no imports of its own, compiled in memory. */
async function importTypeScript(path) {
  const compiled = await build({
    entryPoints: [path],
    write: false,
    format: "esm",
    logLevel: "warning",
  });
  const code = Buffer.from(compiled.outputFiles[0].text).toString("base64");
  return import(`data:text/javascript;base64,${code}`);
}
