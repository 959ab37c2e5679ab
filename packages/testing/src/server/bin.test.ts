// The batch-emulator executable, run as a child process. The test bundles the bin's source
// (src/server/bin.ts and what it imports) with esbuild before it starts, so the process runs
// the code under test, never a dist/ that a forgotten build left behind; the packages it
// depends on (msw, @batch/types) load from node_modules as they do for an installed bin.

import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { signedFetch } from "../http/signed-fetch.fixture.js";

const source = fileURLToPath(new URL("./bin.ts", import.meta.url));
// Inside the package's node_modules, so the bundle resolves its dependencies from there.
const bin = fileURLToPath(
  new URL("../../node_modules/.cache/batch-emulator-test/bin.mjs", import.meta.url),
);
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
const READY =
  /^Batch emulator listening on (http:\/\/127\.0\.0\.1:\d+) account=devaccount key=(\S+)$/;

beforeAll(async () => {
  await build({
    entryPoints: [source],
    outfile: bin,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    logLevel: "error",
  });
});

function run(args: string[]): {
  child: ChildProcess;
  firstLine: Promise<string>;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const end = stdout.indexOf("\n");
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    child.once("exit", () => reject(new Error(`exited before printing a line: ${stdout}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, firstLine, exit };
}

describe("batch-emulator", () => {
  it("is the package's bin, built from this source, and runs under node", () => {
    // tsc builds src/server/bin.ts into dist/server/bin.js, keeping the shebang.
    expect(pkg.bin).toEqual({ "batch-emulator": "./dist/server/bin.js" });
    expect(readFileSync(source, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "prints one ready line, serves, and exits 0 on %s",
    async (signal) => {
      const { child, firstLine, exit } = run(["--port", "0", "--executor", "manual"]);
      try {
        const line = await firstLine;
        const match = READY.exec(line);
        expect(match).not.toBeNull();
        const [, url, key] = match!;
        expect(key).toBe("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        const response = await signedFetch(`${url}/jobs?api-version=2025-06-01`);
        expect(response.status).toBe(200);
        child.kill(signal);
        expect(await exit).toBe(0);
      } finally {
        child.kill("SIGKILL");
      }
    },
  );

  it("injects the faults its flags ask for, with the seed on stderr", async () => {
    const { child, firstLine, exit } = run([
      "--executor",
      "manual",
      "--fault-rate",
      "1",
      "--fault-kinds",
      "429",
      "--fault-retry-after",
      "2",
      "--fault-seed",
      "77",
    ]);
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    try {
      const [, url] = READY.exec(await firstLine)!;
      const response = await signedFetch(`${url}/jobs?api-version=2025-06-01`);
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("2");
      expect((await response.json()).code).toBe("TooManyRequests");
      child.kill("SIGTERM");
      expect(await exit).toBe(0);
      expect(stderr).toContain("injecting faults with seed 77");
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("exits 2 with a message on bad options", async () => {
    const child = spawn(process.execPath, [bin, "--executor", "nope"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("--executor must be manual or simulated");
  });
});
