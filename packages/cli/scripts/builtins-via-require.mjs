// esbuild plugin that loads Node's built-in modules with require() instead of ES imports.
// Importing a built-in as an ES module makes Node build a facade that reads every export once,
// which runs the lazy getters behind them: `import { readFile } from "fs"` alone loads the
// file-stream classes. A CommonJS require hands the module over as it is. Each import of a
// built-in resolves to a one-line CommonJS module that requires it; esbuild's interop then
// reads only the properties the code uses, when it uses them.
import { builtinModules } from "node:module";

const namespace = "builtin-via-require";
const builtins = new Set(builtinModules);

export function builtinsViaRequire() {
  return {
    name: "builtins-via-require",
    setup(build) {
      build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
        const name = args.path.replace(/^node:/, "");
        if (!builtins.has(name) || args.kind === "require-call") return undefined;
        return { path: name, namespace };
      });
      build.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)});`,
        loader: "js",
      }));
    },
  };
}
