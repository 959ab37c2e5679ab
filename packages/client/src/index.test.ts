import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import * as publicApi from "./index.js";

describe("public entry", () => {
  it("exports the documented runtime names", () => {
    expect(Object.keys(publicApi).sort()).toEqual(
      [
        "AddManyError",
        "BatchError",
        "SharedKeyCredential",
        "apiVersion",
        "batchScope",
        "createBatchClient",
        "isBatchError",
        "isNotModified",
        "retryableStatuses",
      ].sort(),
    );
  });

  it("bundles for browsers under 15 KiB gzipped, with no node: import", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("./index.ts", import.meta.url))],
      bundle: true,
      minify: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.text;
    const gzipped = gzipSync(code).byteLength;
    expect(gzipped).toBeLessThan(15 * 1024);
    expect(code).not.toMatch(/["']node:/);
    expect(code).not.toMatch(/\brequire\(/);
  });
});
