// esbuild plugin that keeps large, rarely used packages out of the start-up cost of the bundle.
// Node compiles the whole file on every run, so even code that never runs costs time in
// proportion to its size (yaml alone is 110 KB). A package named here and loaded with
// `await import("name")` is bundled on its own, as CommonJS, and embedded as a string; the
// string is compiled with `new Function` the first time the import runs. Scanning a string
// literal is far cheaper than parsing the code in it.
//
// The embedded build is separate from the main one, so the main build's `inject` and
// `define` (the light fetch classes) never reach it: the emulator keeps Node's real classes.
//
// The import resolves to `{ default: module.exports }`, like a CommonJS package imported from
// ESM, so callers read `(await import(name)).default ?? module`.
import { build } from "esbuild";

const namespace = "deferred-module";

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export function deferredModules(packages, { target }) {
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
          stdin: {
            contents: `module.exports = require(${JSON.stringify(args.path)});`,
            resolveDir: args.pluginData.resolveDir,
            loader: "js",
          },
          bundle: true,
          write: false,
          platform: "node",
          format: "cjs",
          target,
          minify: true,
          legalComments: "none",
          // import.meta does not exist in a function body; hand the bundle's own URL in.
          define: { "import.meta.url": "__deferredModuleUrl" },
          logLevel: "silent",
        });
        const code = inner.outputFiles[0].text;
        return {
          contents: [
            `const source = ${JSON.stringify(code)};`,
            "const module = { exports: {} };",
            'new Function("module", "exports", "require", "__deferredModuleUrl", source)(module, module.exports, require, import.meta.url);',
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
