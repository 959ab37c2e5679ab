// What a lazily imported package exports, however it was loaded: an ES module's namespace
// (tests, unbundled), a CommonJS package's `default`, or the bundle's deferred modules, which
// resolve to `{ default: module.exports }` (see scripts/deferred-modules.mjs).
export function exportsOf<T>(namespace: unknown): T {
  const value = namespace as { default?: unknown };
  return (value.default ?? namespace) as T;
}
