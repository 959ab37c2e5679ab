import { describe, expect, it } from "vitest";
import { defaultExportOf, exportsOf } from "./lazy-import.js";

describe("exportsOf", () => {
  it("reads an ES module's namespace, a CommonJS package's default and a deferred module", () => {
    const stringify = () => "";
    expect(exportsOf({ stringify })).toEqual({ stringify });
    expect(exportsOf({ default: { stringify } })).toEqual({ stringify });
  });
});

describe("defaultExportOf", () => {
  it("finds a default export in a namespace and in a deferred module's CommonJS exports", () => {
    const factory = () => "yargs";
    expect(defaultExportOf({ default: factory })).toBe(factory);
    // The bundle's deferred modules: { default: module.exports }, where esbuild put the ES
    // module's default export on module.exports.default.
    expect(defaultExportOf({ default: { default: factory, __esModule: true } })).toBe(factory);
  });
});
