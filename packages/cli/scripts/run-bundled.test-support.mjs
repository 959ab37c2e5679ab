// For the tests of the bundle's esbuild plugins: bundles a snippet the way the CLI is bundled
// (Node, CommonJS) with the plugins under test, and runs it with the `require` and `console`
// the test hands in, so the test can watch what the bundled code reaches for.
import { build } from "esbuild";

export async function runBundled(source, { plugins, require, console = globalThis.console }) {
  const result = await build({
    stdin: { contents: source, loader: "js", resolveDir: import.meta.dirname },
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    define: { "import.meta.url": "__bundleUrl" },
    plugins,
    logLevel: "silent",
  });
  const module = { exports: {} };
  const run = new Function(
    "require",
    "module",
    "exports",
    "__bundleUrl",
    "console",
    result.outputFiles[0].text,
  );
  run(require, module, module.exports, import.meta.url, console);
  return module.exports;
}
