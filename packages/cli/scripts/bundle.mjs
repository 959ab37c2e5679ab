// Bundles the CLI into one executable ESM file, dist/batch.mjs, that runs with nothing else
// installed: every dependency is inlined and the file starts with a shebang. Code splitting
// would produce several files, so heavy modules are kept off the start-up path by importing
// them with `import()` where they are used, which esbuild inlines as lazily run blocks.
import { chmodSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { lazyStringWidth } from "./lazy-string-width.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const outfile = join(root, "dist", "batch.mjs");
const sizeLimit = 1024 * 1024;

await build({
  entryPoints: [join(root, "src", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "none",
  // Optional at run time: loaded with import() only for `--auth entra`, never bundled.
  external: ["@azure/identity"],
  plugins: [lazyStringWidth()],
  define: { __CLI_VERSION__: JSON.stringify(pkg.version) },
  banner: {
    // Bundled CommonJS dependencies (yargs helpers, cli-table3) still call require().
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
chmodSync(outfile, 0o755);

const size = statSync(outfile).size;
if (size > sizeLimit) {
  throw new Error(`dist/batch.mjs is ${size} bytes, over the ${sizeLimit} byte budget`);
}
