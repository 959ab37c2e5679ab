// esbuild plugin that stops yargs from looking for a package.json on every run. Its factory
// guesses a version before the program sets one, and the guess walks up from the current folder
// listing each folder (escalade/sync) until one holds a package.json: from a large folder or a
// deep one that costs milliseconds, for a value the CLI overrides at once with its own version.
// The bundled yargs gets a lookup that finds nothing, which yargs treats as no package.json.
const namespace = "yargs-without-package-lookup";

export function yargsWithoutPackageLookup() {
  return {
    name: "yargs-without-package-lookup",
    setup(build) {
      build.onResolve({ filter: /^escalade\/sync$/ }, (args) =>
        args.importer.includes("yargs") ? { path: "escalade-sync", namespace } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace }, () => ({
        contents: "export default function findNothing() {\n  return undefined;\n}",
        loader: "js",
      }));
    },
  };
}
