// esbuild plugin that defers the start-up cost of `string-width` until a width is first needed.
// yargs (through cliui and wrap-ansi) imports it at load time, and its top level builds an
// Intl.Segmenter and a `\p{RGI_Emoji}` regular expression: about 35 ms on every run, although
// widths are only measured to lay out `--help` text. Each import of it is answered by a small
// module that `require()`s the real one on the first call; esbuild bundles a required ES module
// as a lazily initialised block, so nothing of it runs before then.
import { createRequire } from "node:module";

const shimNamespace = "lazy-string-width";

export function lazyStringWidth() {
  return {
    name: "lazy-string-width",
    setup(build) {
      build.onResolve({ filter: /^string-width$/ }, (args) => {
        // Only ES imports: CommonJS users (cli-table3) require an older, cheaper version as is.
        if (args.namespace === shimNamespace || args.kind !== "import-statement") return undefined;
        const real = createRequire(args.importer).resolve("string-width");
        return { path: real, namespace: shimNamespace };
      });
      build.onLoad({ filter: /.*/, namespace: shimNamespace }, (args) => ({
        contents: [
          "let real;",
          "export default function stringWidth(text, options) {",
          `  real ??= require(${JSON.stringify(args.path)});`,
          "  return real.default(text, options);",
          "}",
        ].join("\n"),
        loader: "js",
        resolveDir: "/",
      }));
    },
  };
}
