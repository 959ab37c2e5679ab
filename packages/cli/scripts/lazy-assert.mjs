// esbuild plugin that keeps node:assert off the start-up path. yargs imports strictEqual and
// notStrictEqual for internal sanity checks, and loading node:assert (with its error
// formatting and colour modules) costs a few milliseconds on every run. The replacements decide
// with Object.is, as node:assert does, and call the real assertion only when it is about to
// fail, so its error is unchanged.
const namespace = "lazy-assert";

export function lazyAssert() {
  return {
    name: "lazy-assert",
    setup(build) {
      build.onResolve({ filter: /^(node:)?assert$/ }, (args) =>
        args.importer.includes("yargs") ? { path: "assert", namespace } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace }, () => ({
        contents: [
          "export function strictEqual(actual, expected, message) {",
          '  if (!Object.is(actual, expected)) require("node:assert").strictEqual(actual, expected, message);',
          "}",
          "export function notStrictEqual(actual, expected, message) {",
          '  if (Object.is(actual, expected)) require("node:assert").notStrictEqual(actual, expected, message);',
          "}",
        ].join("\n"),
        loader: "js",
      }));
    },
  };
}
