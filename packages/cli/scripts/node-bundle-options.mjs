// The esbuild settings shared by the CLI and each package deferred out of it: one minified
// CommonJS bundle for Node, kept in memory for scripts/bundle.mjs to place in dist/batch.mjs,
// and ASCII only, since the loader reads the parts back as latin1.
export function nodeBundleOptions(target) {
  return {
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    target,
    minify: true,
    legalComments: "none",
    charset: "ascii",
  };
}
