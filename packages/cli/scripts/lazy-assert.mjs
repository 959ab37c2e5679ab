// esbuild plugin that keeps node:assert out of the CLI. yargs imports strictEqual and
// notStrictEqual for internal checks, and also uses a failing check as control flow (when no
// package.json is found above the bundle); loading node:assert with its error formatting
// costs a few milliseconds on every run. The replacements decide with Object.is, as
// node:assert does, and throw a plain Error where node:assert would throw its AssertionError.
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
          '  if (!Object.is(actual, expected)) throw new Error(message ?? "Expected values to be strictly equal");',
          "}",
          "export function notStrictEqual(actual, expected, message) {",
          '  if (Object.is(actual, expected)) throw new Error(message ?? "Expected values to be strictly unequal");',
          "}",
        ].join("\n"),
        loader: "js",
      }));
    },
  };
}
