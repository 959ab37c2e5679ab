// What a lazily imported package exports, however it was loaded: an ES module's namespace
// (tests, unbundled), a CommonJS package's `default`, or the bundle's deferred modules, which
// resolve to `{ default: module.exports }` (see scripts/deferred-modules.mjs).
export function exportsOf<T>(namespace: unknown): T {
  const value = namespace as { default?: unknown };
  return (value.default ?? namespace) as T;
}

/**
 * The default export of a lazily imported ES module (yargs), however it was loaded: the
 * namespace's `default`, or, from the bundle's deferred modules, the `default` of the CommonJS
 * exports esbuild made of the module.
 */
export function defaultExportOf<T>(namespace: unknown): T {
  const exports = exportsOf<{ default?: unknown }>(namespace);
  return (typeof exports === "function" ? exports : exports.default) as T;
}
