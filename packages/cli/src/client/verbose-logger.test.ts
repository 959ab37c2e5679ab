// --verbose: the unit that pairs bodies with the client's log lines, and the bundled file, where
// each request and response is printed on stderr, headers and bodies, with the credentials
// redacted.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FetchLike } from "@batch/client";
import type { Emulator } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountEnv, lines, runBatch } from "../test-support/batch-process.js";
import { capturedStream } from "../test-support/captured-stream.js";
import { startTestEmulator } from "../test-support/test-emulator.js";
import { maxBodyChars, verboseLogging } from "./verbose-logger.js";

describe("verboseLogging", () => {
  it("prints a request's body after its headers and each answer's body after its own line", async () => {
    const out = capturedStream();
    const mark = Symbol.for("@batch/client:buffers-body");
    const answers: Record<string, string> = { "/a": '{"for":"a"}', "/b": '{"for":"b"}' };
    const transport = Object.assign(
      (async (input: string) =>
        new Response(answers[new URL(input).pathname] ?? "", { status: 200 })) as FetchLike,
      { [mark]: true },
    );
    const { logger, fetch } = verboseLogging(out.stream, transport);
    expect((fetch as unknown as Record<symbol, unknown>)[mark]).toBe(true);

    logger("debug", "-> A", { method: "POST", url: "http://h/a?x=1", headers: { h: "1" } });
    const a = fetch("http://h/a?x=1", { method: "POST", body: '{"sent":1}' });
    logger("debug", "-> B", { method: "GET", url: "http://h/b", headers: {} });
    const b = fetch("http://h/b", { method: "GET" });
    await Promise.all([a, b]);
    // Logged in the other order than the answers came: each still gets its own body.
    logger("debug", "<- 200 B", { method: "GET", url: "http://h/b", headers: {}, status: 200 });
    logger("debug", "<- 200 A", { method: "POST", url: "http://h/a?x=REDACTED", status: 200 });
    expect(out.text().split("\n")).toEqual([
      "-> A",
      "   h: 1",
      "   body: {",
      '     "sent": 1',
      "   }",
      "-> B",
      "<- 200 B",
      "   body: {",
      '     "for": "b"',
      "   }",
      "<- 200 A",
      "   body: {",
      '     "for": "a"',
      "   }",
      "",
    ]);
  });

  it("shows the harmless response headers the client redacts as sent, and nothing else", async () => {
    const out = capturedStream();
    const sent = {
      date: "Sat, 28 Nov 2026 12:00:00 GMT",
      connection: "keep-alive",
      "keep-alive": "timeout=5",
      dataserviceversion: "3.0",
      "x-secret": "s3cr3t",
    };
    const { logger, fetch } = verboseLogging(
      out.stream,
      (async () => new Response("", { headers: sent })) as FetchLike,
    );
    // The client's logger hands over its redacted headers; a request's are printed as given.
    const redacted = Object.fromEntries(Object.keys(sent).map((name) => [name, "REDACTED"]));
    logger("debug", "-> X", { method: "GET", url: "http://h/x", headers: { date: "REDACTED" } });
    await fetch("http://h/x", {});
    logger("debug", "<- 200 X", {
      method: "GET",
      url: "http://h/x",
      headers: redacted,
      status: 200,
    });
    expect(out.text().split("\n")).toEqual([
      "-> X",
      "   date: REDACTED",
      "<- 200 X",
      "   date: Sat, 28 Nov 2026 12:00:00 GMT",
      "   connection: keep-alive",
      "   keep-alive: timeout=5",
      "   dataserviceversion: 3.0",
      "   x-secret: REDACTED",
      "",
    ]);
  });

  it("cuts a body longer than maxBodyChars and says by how much", async () => {
    const out = capturedStream();
    const long = "x".repeat(maxBodyChars + 10);
    const { logger, fetch } = verboseLogging(
      out.stream,
      (async () => new Response(long)) as FetchLike,
    );
    await fetch("http://h/long", {});
    logger("debug", "<- 200", { method: "GET", url: "http://h/long", status: 200 });
    expect(out.text()).toContain(
      `body: ${"x".repeat(maxBodyChars)}\n   ... (10 more characters)\n`,
    );
  });
});

let emulator: Emulator;
const sasSignature = "c2VjcmV0LXNhcy1zaWduYXR1cmU";

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
  emulator.service.addJob({ id: "j", poolInfo: { poolId: "p" } });
});

afterAll(async () => {
  await emulator?.close();
});

describe("--verbose", () => {
  it("prints the redacted request and response, and still one error line at the end", async () => {
    const run = await runBatch(
      ["task", "get", "--job-id", "j", "--task-id", "missing", "--verbose"],
      { env: accountEnv(emulator) },
    );
    expect(run.code).toBe(4);
    const stderr = run.stderr;
    expect(stderr).toMatch(
      /^-> Task_Get GET http:\/\/127\.0\.0\.1:\d+\/jobs\/j\/tasks\/missing\?api-version=/m,
    );
    expect(stderr).toMatch(/^ {3}authorization: REDACTED$/m);
    expect(stderr).toMatch(/^ {3}ocp-date: .+GMT$/m);
    expect(stderr).toMatch(/^<- 404 Task_Get GET /m);
    expect(stderr).toMatch(/^ {3}request-id: \S+$/m);
    // The answer's date as the service sent it, not REDACTED.
    expect(stderr).toMatch(/^ {3}date: \w{3}, \d{2} \w{3} \d{4} [\d:]{8} GMT$/m);
    expect(stderr).toMatch(
      /^ {3}body: \{\n {5}"odata\.metadata": .*\n {5}"code": "TaskNotFound",$/m,
    );
    expect(stderr.trimEnd().split("\n").at(-1)).toMatch(
      /^error: TaskNotFound: .*\(request-id \S+\)$/,
    );
    expect(stderr).not.toContain(emulator.key);
    expect(stderr).not.toMatch(/SharedKey \w+:/);
  });

  it("shows the bodies both ways with SAS signatures, passwords and keys hidden", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-verbose-"));
    const file = join(dir, "task.json");
    writeFileSync(
      file,
      JSON.stringify({
        id: "secretive",
        commandLine: "run.sh",
        resourceFiles: [
          {
            httpUrl: `https://store.blob.core.windows.net/in/run.sh?sv=2024-01-01&sp=r&sig=${sasSignature}%3D`,
            filePath: "run.sh",
          },
        ],
        containerSettings: {
          imageName: "app:1",
          registry: { registryServer: "r.io", username: "me", password: "hunter2-registry" },
        },
      }),
    );
    const run = await runBatch(
      ["task", "add", "--job-id", "j", "--json-file", file, "--verbose", "-o", "none"],
      { env: accountEnv(emulator) },
    );
    expect(run.code).toBe(0);
    const stderr = run.stderr;
    const add = stderr.slice(stderr.indexOf("-> Task_Add"), stderr.indexOf("<- 201 Task_Add"));
    expect(add).toMatch(/^ {3}body: \{$/m);
    expect(add).toContain('     "commandLine": "run.sh",');
    expect(add).toContain(
      '"httpUrl": "https://store.blob.core.windows.net/in/run.sh?sv=REDACTED&sp=REDACTED&sig=REDACTED"',
    );
    expect(add).toContain('"password": "REDACTED"');
    const get = stderr.slice(stderr.indexOf("<- 200 Task_Get"));
    expect(get).toMatch(/^ {3}etag: 0x[0-9A-F]+$/m);
    expect(get).toContain('     "id": "secretive",');
    expect(get).toContain('     "state": "active",');
    expect(lines(stderr).filter((line) => line === "   body: {")).toHaveLength(2);
    for (const secret of [emulator.key, sasSignature, "hunter2-registry"])
      expect(stderr).not.toContain(secret);
    expect(stderr).not.toMatch(/SharedKey \w+:|Bearer \S/);
    expect(stderr).toMatch(/^ {3}authorization: REDACTED$/m);
  });
});
