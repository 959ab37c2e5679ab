import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SharedKeyCredential } from "./credentials/shared-key-credential.js";
import * as mainEntry from "./index.js";
import * as nodeEntry from "./index.node.js";
import { devAccount, devKey, json, scriptedFetch } from "./test-support/scripted-fetch.js";
import { BufferedResponse } from "./transport/buffered-response.js";

const credential = new SharedKeyCredential(devAccount, devKey);
const task = JSON.stringify({ id: "t1", state: "active" });

// Keeps idle connections open far longer than any test runs: a client whose idle socket held
// its process alive would then never exit.
let server: Server;
let base: string;
let connections = 0;
let requests = 0;

beforeAll(async () => {
  server = createServer({ keepAliveTimeout: 10 * 60_000 }, (req, res) => {
    requests++;
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "request-id": "r1" });
      res.end(req.url?.split("?")[0]?.endsWith("/tasks") ? `{"value":[${task}]}` : task);
    });
  });
  server.on("connection", () => void connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the Node entry", () => {
  it("is chosen by the package's `node` export condition; other runtimes get the main entry", async () => {
    const manifest = JSON.parse(
      await readFile(new URL("../package.json", import.meta.url), "utf8"),
    ) as { exports: Record<string, Record<string, string>> };
    expect(Object.entries(manifest.exports["."]!)).toEqual([
      ["types", "./dist/index.d.ts"],
      ["node", "./dist/index.node.js"],
      ["default", "./dist/index.js"],
    ]);
  });

  it("exports the same names as the main entry", () => {
    expect(Object.keys(nodeEntry).sort()).toEqual(Object.keys(mainEntry).sort());
    expect(nodeEntry.BatchError).toBe(mainEntry.BatchError);
    expect(nodeEntry.createBatchClient).not.toBe(mainEntry.createBatchClient);
  });

  it("sends over node:http by default, never through the global fetch", async () => {
    const globalFetch = vi.fn(async () => {
      throw new Error("the global fetch was used");
    });
    vi.stubGlobal("fetch", globalFetch);
    const client = nodeEntry.createBatchClient({ endpoint: base, credential });
    const got = await client.tasks.get("j1", "t1");
    expect(got).toMatchObject({ id: "t1", state: "active" });
    const raw = await client.raw.GET("/jobs/{jobId}/tasks/{taskId}", {
      params: { path: { jobId: "j1", taskId: "t1" }, query: { "api-version": "2025-06-01" } },
    });
    expect(raw.response).toBeInstanceOf(BufferedResponse);
    expect(globalFetch).not.toHaveBeenCalled();
  });

  it("still uses the `fetch` option when one is given", async () => {
    const fetch = scriptedFetch(() => json({ id: "t9" }));
    const client = nodeEntry.createBatchClient({ endpoint: base, credential, fetch });
    await expect(client.tasks.get("j1", "t9")).resolves.toMatchObject({ id: "t9" });
    expect(fetch.calls).toHaveLength(1);
    const viaGlobal = vi.fn(async () => new Response(task, { status: 200 }));
    vi.stubGlobal("fetch", viaGlobal);
    const overGlobal = nodeEntry.createBatchClient({
      endpoint: base,
      credential,
      fetch: (input, init) => globalThis.fetch(input, init),
    });
    await overGlobal.tasks.get("j1", "t1");
    expect(viaGlobal).toHaveBeenCalledTimes(1);
  });

  it("lets a short-lived process exit on its own after its calls, connections kept alive", {
    timeout: 60_000,
  }, async () => {
    // The script is bundled from the sources (the package need not be built), run in a child
    // process without process.exit, and must end by itself while the server keeps its idle
    // connection open.
    const dir = await mkdtemp(join(tmpdir(), "batch-client-exit-"));
    let child: ReturnType<typeof spawn> | undefined;
    try {
      const script = join(dir, "one-call.mjs");
      const entry = fileURLToPath(new URL("./index.node.ts", import.meta.url));
      const bundled = await build({
        stdin: {
          contents: [
            `import { createBatchClient, SharedKeyCredential } from ${JSON.stringify(entry)};`,
            "const client = createBatchClient({",
            "  endpoint: process.argv[2],",
            `  credential: new SharedKeyCredential(${JSON.stringify(devAccount)}, ${JSON.stringify(devKey)}),`,
            "});",
            'const first = await client.tasks.get("j1", "t1");',
            'const second = await client.tasks.get("j1", "t1");',
            "const listed = [];",
            'for await (const task of client.tasks.list("j1")) listed.push(task.id);',
            "// Node's fetch implementation (undici) loads on the first touch of its globals.",
            'const undici = process.moduleLoadList.some((name) => name.includes("undici"));',
            "console.log(JSON.stringify([first.id, second.id, listed, undici]));",
          ].join("\n"),
          resolveDir: dir,
          loader: "ts",
        },
        bundle: true,
        platform: "node",
        format: "esm",
        write: false,
        logLevel: "silent",
      });
      await writeFile(script, bundled.outputFiles[0]!.text);
      const connectionsBefore = connections;
      const requestsBefore = requests;
      const running = spawn(process.execPath, [script, base], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = running;
      let out = "";
      let err = "";
      running.stdout.on("data", (chunk) => (out += chunk));
      running.stderr.on("data", (chunk) => (err += chunk));
      // A socket that kept the child alive would leave this waiting until the test times out.
      const code = await new Promise<number | null>((resolve) => running.on("exit", resolve));
      // Three calls (a list of one page among them), and fetch's implementation never loaded.
      expect({ code, out: out.trim(), err }).toEqual({
        code: 0,
        out: '["t1","t1",["t1"],false]',
        err: "",
      });
      expect(requests - requestsBefore).toBe(3);
      // All went over one kept-alive connection, which the server never closes.
      expect(connections - connectionsBefore).toBe(1);
    } finally {
      if (child && child.exitCode === null) child.kill();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
