import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BundlePartError,
  partEndMarker,
  partStartMarker,
  readBundlePart,
} from "../src/loader/bundle-parts.ts";
import { commentEndEscape, layOutParts } from "./bundle-parts.mjs";

const markers = { start: partStartMarker, end: partEndMarker };
const parts = [
  ["app", "(function () { return /a*/.test('x'); })"],
  ["yaml", "module.exports = 'y';"],
  ["@batch/testing", "module.exports = 't';"],
];

/** A file of `head` then the parts' tail, and where each part sits. */
function bundleFile(head = "#!/usr/bin/env node\nloader();\n", change = (text) => text) {
  const { tail, places } = layOutParts(parts, markers);
  const file = join(fs.mkdtempSync(join(tmpdir(), "batch-parts-")), "batch.mjs");
  fs.writeFileSync(file, change(`${head}${tail}`), "latin1");
  return { file, places };
}

const read = (file, name, places) => readBundlePart(fs, file, name, places[name], commentEndEscape);

describe("bundle parts", () => {
  it("are read back whole, each by its name, whatever comes before them", () => {
    for (const head of ["", "x".repeat(100_000)]) {
      const { file, places } = bundleFile(head);
      for (const [name, text] of parts) expect(read(file, name, places)).toBe(text);
    }
  });

  it("sit in comments between markers, with */ escaped", () => {
    const { tail } = layOutParts(parts, markers);
    expect(tail.startsWith("/*@batch-part app 41\n(function () { return /a*\x7f/.test")).toBe(true);
    expect(tail.endsWith("\n@batch-part-end @batch/testing*/\n")).toBe(true);
    expect(tail.match(/\*\//g)).toHaveLength(parts.length);
  });

  it("refuse text a loader could not read back or that could pass for a marker", () => {
    expect(() => layOutParts([["app", "caf\u00e9"]], markers)).toThrow(/not ASCII/);
    expect(() => layOutParts([["app", "a\x7f"]], markers)).toThrow(/not ASCII/);
    expect(() => layOutParts([["app", "// @batch-part-end app"]], markers)).toThrow(/marker/);
    expect(() => layOutParts([["a b", "x"]], markers)).toThrow(/named/);
  });

  it("fail with the part's name when the file was changed after the build", () => {
    const cases = [
      ["appended to", (text) => `${text}\n`, "app"],
      ["cut", (text) => text.slice(0, -10), "@batch/testing"],
      ["a part shortened", (text) => text.replace("'y';", "'';"), "yaml"],
      ["a marker changed", (text) => text.replace("@batch-part yaml", "@batch-part yamm"), "yaml"],
      ["an end marker changed", (text) => text.replace("-end yaml", "-end yamx"), "yaml"],
    ];
    for (const [, change, part] of cases) {
      const { file, places } = bundleFile(undefined, change);
      expect(() => read(file, part, places)).toThrow(BundlePartError);
      expect(() => read(file, part, places)).toThrow(
        part === "app"
          ? "batch.mjs is damaged (a part after its loader is cut); reinstall it"
          : `batch.mjs is damaged (its part "${part}" is cut or altered); reinstall it`,
      );
    }
    const { file, places } = bundleFile();
    expect(() => read(file, "cli-table3", places)).toThrow(/"cli-table3" is cut or altered/);
  });

  it("say which marker is wrong", () => {
    const { file, places } = bundleFile(undefined, (text) =>
      text.replace("-end yaml", "-end yamx"),
    );
    try {
      read(file, "yaml", places);
      expect.unreachable();
    } catch (error) {
      expect(error.reason).toBe("its end marker is not where the build put it");
    }
  });
});
