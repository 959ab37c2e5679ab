import { inspect } from "node:util";
import { apiVersion } from "@batch/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBatchClient } from "./client.js";
import { SharedKeyCredential } from "./credentials/shared-key-credential.js";
import type { TokenCredential } from "./credentials/token-credential.js";
import type { LogDetails, LogLevel } from "./middleware/logging.js";
import {
  devAccount,
  devKey,
  empty,
  endpoint,
  hang,
  json,
  networkError,
  type Seen,
  scriptedFetch,
  serviceErrorResponse,
} from "./test-support/scripted-fetch.js";

const credential = new SharedKeyCredential(devAccount, devKey);

describe("createBatchClient", () => {
  it("refuses a missing endpoint, an odd scheme and an unknown credential", () => {
    const fetch = scriptedFetch(() => json({}));
    expect(() => createBatchClient({ endpoint: "", credential, fetch })).toThrow(/endpoint/);
    expect(() => createBatchClient({ endpoint: "ftp://x", credential, fetch })).toThrow(/http/);
    expect(() => createBatchClient({ endpoint: "https://x/?a=1", credential, fetch })).toThrow(
      /query/,
    );
    expect(() =>
      createBatchClient({ endpoint, credential: {} as unknown as TokenCredential, fetch }),
    ).toThrow(/credential/);
  });

  it("assumes https:// for an endpoint without a scheme and ignores trailing slashes", async () => {
    const fetch = scriptedFetch(() => json({ id: "t1" }));
    await createBatchClient({
      endpoint: "acct.westeurope.batch.azure.com/",
      credential,
      fetch,
    }).tasks.get("j1", "t1");
    expect(fetch.calls[0]!.url.href).toBe(
      `https://acct.westeurope.batch.azure.com/jobs/j1/tasks/t1?api-version=${apiVersion}`,
    );
  });

  it("sends the configured api-version", async () => {
    const fetch = scriptedFetch(() => json({}));
    await createBatchClient({
      endpoint,
      credential,
      fetch,
      apiVersion: "2024-07-01.20.0",
    }).tasks.get("j1", "t1");
    expect(fetch.calls[0]!.url.searchParams.get("api-version")).toBe("2024-07-01.20.0");
  });

  it("asks every call to echo the client-request-id when configured", async () => {
    const fetch = scriptedFetch(() => json({}));
    await createBatchClient({ endpoint, credential, fetch, returnClientRequestId: true }).tasks.get(
      "j1",
      "t1",
    );
    expect(fetch.calls[0]!.headers.get("return-client-request-id")).toBe("true");
  });

  it("signs with a Shared Key credential from another copy of the package, taken by its shape", async () => {
    const fetch = scriptedFetch(() => json({ id: "t1" }));
    // Another copy's SharedKeyCredential is another class: only its shape is the same.
    const ours = new SharedKeyCredential(devAccount, devKey);
    const signed: string[] = [];
    const foreign = {
      accountName: devAccount,
      computeSignature: async (stringToSign: string) => {
        signed.push(stringToSign);
        return ours.computeSignature(stringToSign);
      },
    };
    expect(foreign).not.toBeInstanceOf(SharedKeyCredential);
    await createBatchClient({ endpoint, credential: foreign, fetch }).tasks.get("j1", "t1");
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatch(/^GET\n[\s\S]*\n\/devaccount\/jobs\/j1\/tasks\/t1\napi-version:/);
    const authorization = fetch.calls[0]!.headers.get("authorization");
    expect(authorization).toBe(`SharedKey devaccount:${await ours.computeSignature(signed[0]!)}`);
  });

  it("raw calls get the client's api-version when they give none; one they give is sent as is", async () => {
    const fetch = scriptedFetch(() => json({ id: "t1" }));
    const client = createBatchClient({
      endpoint,
      credential,
      fetch,
      apiVersion: "2024-07-01.20.0",
    });
    await client.raw.GET("/jobs/{jobId}/tasks/{taskId}", {
      params: { path: { jobId: "j1", taskId: "t1" } },
    });
    await client.raw.GET("/jobs/{jobId}/tasks/{taskId}", {
      params: { path: { jobId: "j1", taskId: "t1" }, query: { "api-version": "2025-06-01" } },
    });
    expect(fetch.calls.map((c) => c.url.searchParams.getAll("api-version"))).toEqual([
      ["2024-07-01.20.0"],
      ["2025-06-01"],
    ]);
  });

  it("exposes the typed openapi-fetch client over the same pipeline", async () => {
    const fetch = scriptedFetch(() => json({ id: "t1", state: "active" }));
    const client = createBatchClient({ endpoint, credential, fetch });
    const { data, response } = await client.raw.GET("/jobs/{jobId}/tasks/{taskId}", {
      params: { path: { jobId: "j1", taskId: "t1" }, query: { "api-version": apiVersion } },
    });
    expect(data?.state).toBe("active");
    expect(response.status).toBe(200);
    const seen = fetch.calls[0]!;
    expect(seen.headers.get("authorization")).toMatch(/^SharedKey devaccount:/);
    expect(seen.headers.get("client-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("uses the global fetch when none is given", async () => {
    const original = globalThis.fetch;
    const fake = scriptedFetch(() => json({ id: "t1" }));
    globalThis.fetch = fake as typeof fetch;
    try {
      await createBatchClient({ endpoint, credential }).tasks.get("j1", "t1");
    } finally {
      globalThis.fetch = original;
    }
    expect(fake.calls).toHaveLength(1);
  });
});

describe("secrets never leak", () => {
  const bearerToken = "fake-bearer-token-7f3a9c";
  const sasSignature = "sv2030SIGxyz";
  const attemptTimeoutMs = 20;

  // The deadlines run on fake timers, advanced only by the hanging route: no other call can
  // time out because the machine is slow.
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Answers in every way a call can fail, echoing credentials like real services do. */
  function hostileService() {
    return scriptedFetch((seen: Seen) => {
      const path = seen.url.pathname;
      const auth = seen.headers.get("authorization") ?? "";
      if (path.endsWith("/auth")) {
        const signature = auth.slice(auth.lastIndexOf(":") + 1);
        return serviceErrorResponse(
          403,
          "AuthenticationFailed",
          `Server failed to authenticate the request. The MAC signature found in the HTTP request '${signature}' is not the same as any computed signature. Got '${auth}'.`,
          {},
          [{ key: "AuthenticationErrorDetail", value: `header was ${auth}` }],
        );
      }
      if (path.endsWith("/network")) throw networkError();
      if (path.endsWith("/hang")) {
        const answer = hang(seen);
        // The attempt's deadline (20 ms, on fake timers) passes once the request is out.
        queueMicrotask(() => vi.advanceTimersByTime(attemptTimeoutMs));
        return answer;
      }
      if (path.endsWith("/busy"))
        return serviceErrorResponse(503, "ServerBusy", `busy for ${auth}`);
      if (path.endsWith("/garbage")) return new Response(`proxy saw ${auth}`, { status: 502 });
      if (path === "/jobs/j1/tasks" && !seen.url.searchParams.has("$skiptoken")) {
        return json({
          value: [{ id: "a" }],
          "odata.nextLink": `${seen.url.origin}/jobs/j1/tasks?api-version=${apiVersion}&$skiptoken=2&sig=${sasSignature}`,
        });
      }
      if (path === "/jobs/j1/tasks")
        return serviceErrorResponse(500, "InternalError", `page failed ${auth}`);
      if (path.endsWith("/addtaskcollection")) {
        return json({
          value: [
            {
              status: "clienterror",
              taskId: "x",
              error: { code: "InvalidPropertyValue", message: { value: auth } },
            },
          ],
        });
      }
      return empty(200);
    });
  }

  async function runSuite(client: ReturnType<typeof createBatchClient>) {
    const errors: unknown[] = [];
    const capture = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        errors.push(error);
      }
    };
    await capture(() => client.tasks.get("j1", "auth"));
    await capture(() => client.tasks.get("j1", "network"));
    await capture(() => client.tasks.get("j1", "hang"));
    await capture(() => client.tasks.get("j1", "busy"));
    await capture(() => client.tasks.get("j1", "garbage"));
    await capture(() => client.tasks.get("j1", "hang", { signal: AbortSignal.abort() }));
    await capture(async () => {
      for await (const _ of client.tasks.list("j1")) {
        // drain
      }
    });
    const bulk = await client.tasks.addMany("j1", [{ id: "x", commandLine: "echo" }]);
    for (const outcome of bulk.results) if (outcome.error) errors.push(outcome.error);
    await capture(() => client.tasks.delete("j1", "ok"));
    return errors;
  }

  function forbiddenIn(texts: string[], secrets: string[]) {
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
  }

  for (const auth of ["shared key", "bearer token"] as const) {
    it(`with ${auth}: not in any error's message, JSON or inspect output, nor any log line`, async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      const fetch = hostileService();
      const lines: string[] = [];
      const tokenCredential: TokenCredential = {
        getToken: async () => ({ token: bearerToken, expiresOnTimestamp: Date.now() + 3_600_000 }),
      };
      const client = createBatchClient({
        endpoint,
        credential: auth === "shared key" ? credential : tokenCredential,
        fetch,
        timeoutMs: attemptTimeoutMs,
        retry: { maxRetries: 1, sleep: async () => undefined },
        logger: (level: LogLevel, message: string, details: LogDetails) =>
          lines.push(`${level} ${message} ${JSON.stringify(details)}`),
      });
      const errors = await runSuite(client);
      expect(errors.length).toBeGreaterThanOrEqual(8);
      expect(lines.length).toBeGreaterThan(10);

      const signatures = fetch.calls
        .map((c) => c.headers.get("authorization") ?? "")
        .filter((a) => a.startsWith("SharedKey"))
        .map((a) => a.slice(a.lastIndexOf(":") + 1));
      const secrets = [devKey, bearerToken, sasSignature, ...signatures];
      if (auth === "shared key") expect(signatures.length).toBeGreaterThan(5);

      const texts = errors.flatMap((error) => [
        String((error as Error).message),
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
        String(error),
      ]);
      forbiddenIn(texts, secrets);
      forbiddenIn(lines, secrets);
      forbiddenIn(
        [inspect(client, { depth: 10 }), inspect(credential, { showHidden: true })],
        [devKey],
      );
      // and the errors still say what went wrong
      expect(errors).toContainEqual(
        expect.objectContaining({ code: "AuthenticationFailed", status: 403 }),
      );
      expect(errors).toContainEqual(expect.objectContaining({ kind: "network" }));
      expect(errors).toContainEqual(expect.objectContaining({ kind: "timeout" }));
      expect(errors).toContainEqual(expect.objectContaining({ kind: "aborted" }));
    });
  }
});
