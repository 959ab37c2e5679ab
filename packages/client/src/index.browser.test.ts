// The built browser entry (the `exports` map's "default", which browsers and their bundlers get)
// run where only the web platform exists: a node:vm context with fetch's classes, URL, text
// encoding, WebCrypto, AbortController and timers, and no `process`, `Buffer` or `require`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as vm from "node:vm";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { createBatchClient } from "./client.js";
import { SharedKeyCredential } from "./credentials/shared-key-credential.js";
import { devAccount, devKey, json, scriptedFetch } from "./test-support/scripted-fetch.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** The main entry as a browser bundler sees it: the "default" condition, never "node". */
async function bundleBrowserEntry(): Promise<string> {
  const manifest = JSON.parse(readFileSync(`${packageDir}package.json`, "utf8")) as {
    exports: { ".": { default: string } };
  };
  const entry = manifest.exports["."].default;
  expect(entry).toBe("./dist/index.js");
  const result = await build({
    entryPoints: [`${packageDir}${entry}`],
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "batchClient",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A browser-like global scope whose fetch answers from `answer` and records what it was sent. */
function browserContext(answer: (request: SeenRequest) => Response) {
  const seen: SeenRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    // Read through a Request, as a browser's fetch would: any header shape, any body.
    const request = new Request(input, init);
    const body = request.body === null ? undefined : await request.text();
    const entry: SeenRequest = {
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body,
    };
    seen.push(entry);
    return answer(entry);
  };
  const scope = {
    fetch,
    Request,
    Response,
    Headers,
    FormData,
    Blob,
    ReadableStream,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    crypto: globalThis.crypto,
    AbortController,
    AbortSignal,
    DOMException,
    Event,
    EventTarget,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    structuredClone,
    atob,
    btoa,
    console,
    navigator: { userAgent: "Mozilla/5.0 (test browser)" },
  };
  const context = vm.createContext(scope);
  vm.runInContext("globalThis.window = globalThis.self = globalThis;", context);
  return { context, seen };
}

describe("the browser entry, built", () => {
  let code: string;
  beforeAll(async () => {
    code = await bundleBrowserEntry();
  });

  it("runs with only the web platform's globals and completes calls with a token credential", async () => {
    const { context, seen } = browserContext((request) =>
      request.method === "GET"
        ? new Response(JSON.stringify({ id: "task-1", state: "active" }), {
            status: 200,
            headers: { "content-type": "application/json", etag: "0x8D1", "request-id": "r-1" },
          })
        : new Response(null, { status: 201, headers: { etag: "0x8D2", "request-id": "r-2" } }),
    );
    // Nothing of Node's is reachable from inside.
    expect(
      vm.runInContext(
        "[typeof process, typeof Buffer, typeof require, typeof global, typeof setImmediate]",
        context,
      ),
    ).toEqual(["undefined", "undefined", "undefined", "undefined", "undefined"]);

    vm.runInContext(code, context, { filename: "batch-client.browser.js" });
    const outcome = await vm.runInContext(
      `(async () => {
        const { createBatchClient, isBatchError } = batchClient;
        const credential = {
          async getToken(scopes) {
            return { token: "browser-token", expiresOnTimestamp: Date.now() + 3600000, scopes };
          },
        };
        const client = createBatchClient({
          endpoint: "https://acct.westeurope.batch.azure.com",
          credential,
        });
        const task = await client.tasks.get("job-1", "task-1", { select: "id,state" });
        const added = await client.tasks.add("job-1", { id: "task-2", commandLine: "echo hi" });
        let refused;
        try {
          await client.tasks.get("job-1", "");
        } catch (error) {
          refused = { isBatchError: isBatchError(error), kind: error.kind, code: error.code };
        }
        return {
          task: { id: task.id, state: task.state },
          eTag: task.meta.eTag,
          attempts: task.meta.attempts,
          added: { status: added.meta.status, eTag: added.meta.eTag, reconciled: added.reconciled },
          refused,
        };
      })()`,
      context,
    );

    expect(outcome).toEqual({
      task: { id: "task-1", state: "active" },
      eTag: "0x8D1",
      attempts: 1,
      added: { status: 201, eTag: "0x8D2", reconciled: false },
      refused: { isBatchError: true, kind: "client", code: "InvalidId" },
    });
    expect(seen).toHaveLength(2);
    const [get, add] = seen;
    expect(get!.url).toBe(
      "https://acct.westeurope.batch.azure.com/jobs/job-1/tasks/task-1?api-version=2025-06-01&$select=id%2Cstate",
    );
    expect(get!.method).toBe("GET");
    expect(get!.headers).toMatchObject({
      authorization: "Bearer browser-token",
      "client-request-id": expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/),
      "ocp-date": expect.stringMatching(/GMT$/),
    });
    // Browsers send their own user-agent; the client sets none.
    expect(get!.headers["user-agent"]).toBeUndefined();
    expect(add!.method).toBe("POST");
    expect(add!.headers["content-type"]).toBe("application/json; odata=minimalmetadata");
    expect(JSON.parse(add!.body!)).toEqual({ id: "task-2", commandLine: "echo hi" });
  });

  it("signs with Shared Key through WebCrypto exactly as the client does on Node", async () => {
    const { context, seen } = browserContext(() => new Response("{}", { status: 200 }));
    vm.runInContext(code, context, { filename: "batch-client.browser.js" });
    const ocpDate = "Tue, 01 Jan 2030 00:00:00 GMT";
    await vm.runInContext(
      `(async () => {
        const { createBatchClient, SharedKeyCredential } = batchClient;
        const client = createBatchClient({
          endpoint: "https://devaccount.westeurope.batch.azure.com",
          credential: new SharedKeyCredential(${JSON.stringify(devAccount)}, ${JSON.stringify(devKey)}),
        });
        await client.jobs.get("job-1", { ocpDate: ${JSON.stringify(ocpDate)} });
      })()`,
      context,
    );
    const onNode = scriptedFetch(() => json({}));
    await createBatchClient({
      endpoint: "https://devaccount.westeurope.batch.azure.com",
      credential: new SharedKeyCredential(devAccount, devKey),
      fetch: onNode,
    }).jobs.get("job-1", { ocpDate });
    expect(seen[0]!.headers.authorization).toMatch(/^SharedKey devaccount:[A-Za-z0-9+/]{43}=$/);
    expect(seen[0]!.headers.authorization).toBe(onNode.calls[0]!.headers.get("authorization"));
  });
});
