// esbuild plugin that keeps large, rarely used packages out of the start-up cost of the bundle.
// A package named here and loaded with `await import("name")` is bundled on its own, as
// CommonJS wrapped in a function expression, and its code is handed to `sources` instead of
// going into the CLI: the bundle script stores it in a comment of its own at the end of
// dist/batch.mjs, which the loader reads, compiles (from a code cache of its own) and hands
// back only when the import runs (`__deferredModule(name)`, see src/loader/batch-loader.ts). So
// a run that never needs yargs, YAML, JMESPath, tables, progress bars or the emulator never
// reads, decodes or compiles them.
//
// The deferred build is separate from the main one: only the `plugins` given here apply to it,
// and the main build's `inject` and `define` (the light fetch classes) never reach it, so the
// emulator keeps Node's real classes.
//
// The import resolves to `{ default: module.exports }`, like a CommonJS package imported from
// ESM, so callers read `(await import(name)).default ?? module`.
import { build } from "esbuild";
import { nodeBundleOptions } from "./node-bundle-options.mjs";

const namespace = "deferred-module";

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * @param sources {Map<string, string>} receives each package's bundled code, by name: a
 *   function expression of `(module, exports, require, __deferredModuleUrl)`
 * @param plugins {import("esbuild").Plugin[]} esbuild plugins for the deferred builds
 */
export function deferredModules(packages, { target, sources, plugins = [] }) {
  const filter = new RegExp(`^(?:${packages.map(escapeRegExp).join("|")})$`);
  return {
    name: "deferred-modules",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter }, (args) => {
        if (args.kind !== "dynamic-import") return undefined;
        return { path: args.path, namespace, pluginData: { resolveDir: args.resolveDir } };
      });
      pluginBuild.onLoad({ filter: /.*/, namespace }, async (args) => {
        const inner = await build({
          ...nodeBundleOptions(target),
          plugins,
          stdin: {
            contents: `module.exports = require(${JSON.stringify(args.path)});`,
            resolveDir: args.pluginData.resolveDir,
            loader: "js",
          },
          // import.meta does not exist in a function body; hand the bundle's own URL in.
          define: { "import.meta.url": "__deferredModuleUrl" },
          logLevel: "silent",
        });
        sources.set(
          args.path,
          `(function (module, exports, require, __deferredModuleUrl) {\n${inner.outputFiles[0].text}\n})`,
        );
        const name = JSON.stringify(args.path);
        return {
          contents: [
            "const module = { exports: {} };",
            `__deferredModule(${name})(module, module.exports, require, import.meta.url);`,
            "export default module.exports;",
          ].join("\n"),
          loader: "js",
          resolveDir: args.pluginData.resolveDir,
          watchFiles: Object.keys(inner.metafile?.inputs ?? {}),
        };
      });
    },
  };
}
