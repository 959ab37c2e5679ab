// esbuild plugin that loads Node's built-in modules with require(), and only when first used.
// Importing a built-in as an ES module makes Node build a facade that reads every export once,
// which runs the lazy getters behind them: `import { readFile } from "fs"` alone loads the
// file-stream classes. And a bundle runs every module's imports as it starts, so a command
// would load every built-in that any command imports (node:fs/promises, node:os, ...).
// Instead each import of a built-in resolves to a small CommonJS module whose properties are
// getters for the built-in's exports (their names are read here, from the Node that builds):
// the first property read requires the built-in. esbuild's interop reads properties only where
// the code uses them, so a built-in a command never touches is never loaded.
//
// esbuild's interop also copies every property of such a module once per ES module importing
// it (getters again), so the fewer the cheaper: given `names`, the stand-ins offer only the
// exports named there. The bundle script passes every identifier and word that appears in a
// first build's output, which includes every export the code can reach by name.
import { builtinModules, createRequire } from "node:module";

const namespace = "builtin-via-require";
const builtins = new Set(builtinModules);
const require = createRequire(import.meta.url);

/** Every identifier-like word in `code`: property names, strings, identifiers. */
export function namesIn(code) {
  return new Set(code.match(/[A-Za-z_$][\w$]*/g));
}

/** @param {{ names?: Set<string> | undefined }} options */
export function builtinsViaRequire({ names } = {}) {
  return {
    name: "builtins-via-require",
    setup(build) {
      build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
        const name = args.path.replace(/^node:/, "");
        if (!builtins.has(name) || args.kind === "require-call") return undefined;
        return { path: name, namespace };
      });
      build.onLoad({ filter: /.*/, namespace }, (args) => {
        const specifier = JSON.stringify(`node:${args.path}`);
        const exports = Object.keys(require(`node:${args.path}`)).filter(
          (name) => name !== "default" && (names === undefined || names.has(name)),
        );
        return {
          contents: [
            "let loaded;",
            `const load = () => (loaded ??= require(${specifier}));`,
            "const lazy = {};",
            `for (const name of ${JSON.stringify(exports)}) {`,
            "  Object.defineProperty(lazy, name, { enumerable: true, get: () => load()[name] });",
            "}",
            "module.exports = lazy;",
          ].join("\n"),
          loader: "js",
        };
      });
    },
  };
}
