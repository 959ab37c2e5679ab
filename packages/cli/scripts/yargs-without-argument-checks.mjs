// esbuild plugin that drops yargs' checks of the arguments its own methods are called with.
// Every call to .option(), .command(), .example() and the like, and each parse, first parses a
// signature string such as "<string|object> [object]" and compares types; a mistake only
// prints a warning for the program's author, never changes what yargs does, and TypeScript
// already checks these calls here. Together they cost a millisecond or two on every run.
const namespace = "yargs-without-argument-checks";

export function yargsWithoutArgumentChecks() {
  return {
    name: "yargs-without-argument-checks",
    setup(build) {
      build.onResolve({ filter: /\/argsert\.js$/ }, (args) =>
        args.importer.includes("yargs") ? { path: "argsert", namespace } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace }, () => ({
        contents: "export function argsert() {}",
        loader: "js",
      }));
    },
  };
}
