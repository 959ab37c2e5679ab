import { describe, expect, it } from "vitest";
import { createBatchClient } from "../client.js";
import type { AccessToken, TokenCredential } from "../credentials/token-credential.js";
import type { CallRecord, PipelineRequest } from "../pipeline.js";
import { empty, endpoint, json, scriptedFetch } from "../test-support/scripted-fetch.js";

function fakeCredential(tokens: (AccessToken | null | Error)[]) {
  const calls: { scopes: string | string[] }[] = [];
  let release: (() => void) | undefined;
  const gate = { held: false };
  const credential: TokenCredential = {
    async getToken(scopes) {
      calls.push({ scopes });
      if (gate.held) await new Promise<void>((resolve) => (release = resolve));
      const next = tokens.shift();
      if (next instanceof Error) throw next;
      return next ?? null;
    },
  };
  return { credential, calls, gate, release: () => release?.() };
}

const hour = 3_600_000;

/** Tokens "old" then "new", and a service that refuses "old" from the second request on. */
function refusedOnceCached() {
  const { credential, calls } = fakeCredential([
    { token: "old", expiresOnTimestamp: Date.now() + hour },
    { token: "new", expiresOnTimestamp: Date.now() + hour },
  ]);
  const fetch = scriptedFetch((seen) =>
    seen.headers.get("authorization") === "Bearer old" && seen.index > 0
      ? empty(401)
      : json({ id: "x" }),
  );
  return { credential, calls, fetch };
}

describe("bearerTokenMiddleware", () => {
  it("asks for the Batch scope and sends the token as a bearer", async () => {
    const { credential, calls } = fakeCredential([
      { token: "tok-1", expiresOnTimestamp: Date.now() + hour },
    ]);
    const fetch = scriptedFetch(() => json({ id: "t1" }));
    await createBatchClient({ endpoint, credential, fetch }).tasks.get("j1", "t1");
    expect(calls[0]!.scopes).toEqual(["https://batch.core.windows.net//.default"]);
    expect(fetch.calls[0]!.headers.get("authorization")).toBe("Bearer tok-1");
    expect(fetch.calls[0]!.headers.get("ocp-date")).toMatch(
      /^\w{3}, \d{2} \w{3} \d{4} [\d:]{8} GMT$/,
    );
  });

  it("dates every retry afresh, and drops a cached token the service refuses", async () => {
    let now = Date.parse("2030-01-01T00:00:00Z");
    const { credential } = fakeCredential([
      { token: "old", expiresOnTimestamp: now + hour },
      { token: "new", expiresOnTimestamp: now + hour },
    ]);
    const { bearerTokenMiddleware } = await import("./bearer-token.js");
    const step = bearerTokenMiddleware(credential, { now: () => now });
    const sent: (string | null)[][] = [];
    const next = async (req: PipelineRequest) => {
      sent.push([req.headers.get("authorization"), req.headers.get("ocp-date")]);
      now += 1000;
      return new Response(null, {
        status: req.headers.get("authorization") === "Bearer old" && sent.length > 1 ? 401 : 200,
      });
    };
    const record: CallRecord = { attempts: 1, uncertainAttempts: 0, clientRequestId: undefined };
    const ctx = {
      operation: undefined,
      signal: undefined,
      attemptSignal: undefined,
      body: undefined,
      attempt: 1,
      record,
    };
    const request = {
      method: "GET",
      url: "http://h/",
      headers: new Headers({ "ocp-date": "Mon, 01 Jan 2029 00:00:00 GMT" }),
    };
    await step(request, next, ctx); // caches "old"; a first attempt keeps the call's date
    const refused = await step(request, next, { ...ctx, attempt: 2 });
    // The step does not send again itself: it tells the retry step, which counts the retry.
    expect(refused.status).toBe(401);
    expect(record.tokenRefused).toBe(true);
    const retried = await step(request, next, { ...ctx, attempt: 3 });
    expect(retried.status).toBe(200);
    expect(sent).toEqual([
      ["Bearer old", "Mon, 01 Jan 2029 00:00:00 GMT"],
      ["Bearer old", "Tue, 01 Jan 2030 00:00:01 GMT"],
      ["Bearer new", "Tue, 01 Jan 2030 00:00:02 GMT"],
    ]);
  });

  it("counts the send after a refused token against the retry budget", async () => {
    // Every token is refused once cached, and every new one meets a 503: before, each retry
    // could send twice (a 401, then a resend); now the call stops after 1 + maxRetries sends.
    let issued = 0;
    const credential: TokenCredential = {
      getToken: async () => ({ token: `tok-${++issued}`, expiresOnTimestamp: Date.now() + hour }),
    };
    const fetch = scriptedFetch((seen) =>
      seen.index === 0 ? json({ id: "t1" }) : seen.index % 2 === 1 ? empty(401) : empty(503),
    );
    const retried: (number | undefined)[] = [];
    const client = createBatchClient({
      endpoint,
      credential,
      fetch,
      retry: {
        maxRetries: 4,
        sleep: async () => undefined,
        onRetry: (info) => {
          retried.push(info.response?.status);
        },
      },
    });
    await client.tasks.get("j1", "t1"); // caches tok-1
    const error = await client.tasks.get("j1", "t1").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "service", status: 401, attempts: 5 });
    expect(fetch.calls).toHaveLength(1 + 5);
    expect(retried).toEqual([401, 503, 401, 503]);
    expect(fetch.calls.slice(1).map((c) => c.headers.get("authorization"))).toEqual([
      "Bearer tok-1",
      "Bearer tok-2",
      "Bearer tok-2",
      "Bearer tok-3",
      "Bearer tok-3",
    ]);
  });

  it("does not send again after a refused token when retries are off, but the next call gets a new token", async () => {
    const { credential, calls, fetch } = refusedOnceCached();
    const client = createBatchClient({ endpoint, credential, fetch, retry: false });
    await client.tasks.get("j1", "t1"); // caches "old"
    await expect(client.tasks.get("j1", "t1")).rejects.toMatchObject({ status: 401, attempts: 1 });
    const task = await client.tasks.get("j1", "t1");
    expect(task.meta.attempts).toBe(1);
    expect(fetch.calls.map((c) => c.headers.get("authorization"))).toEqual([
      "Bearer old",
      "Bearer old",
      "Bearer new",
    ]);
    expect(calls).toHaveLength(2);
  });

  it("reuses the token until two minutes before it expires", async () => {
    let now = 1_000_000;
    const { credential, calls } = fakeCredential([
      { token: "tok-1", expiresOnTimestamp: now + 10 * 60_000 },
      { token: "tok-2", expiresOnTimestamp: now + hour },
    ]);
    const { bearerTokenMiddleware } = await import("./bearer-token.js");
    const step = bearerTokenMiddleware(credential, { now: () => now });
    const seen: string[] = [];
    const next = async (req: PipelineRequest) => {
      seen.push(req.headers.get("authorization")!);
      return new Response(null);
    };
    const ctx = {
      operation: undefined,
      signal: undefined,
      attemptSignal: undefined,
      body: undefined,
      attempt: 1,
      record: { attempts: 1, uncertainAttempts: 0, clientRequestId: undefined },
    };
    await step(new Request("http://h/"), next, ctx);
    now += 7 * 60_000; // 3 minutes left: still fresh
    await step(new Request("http://h/"), next, ctx);
    now += 90_000; // 90 s left: inside the margin
    await step(new Request("http://h/"), next, ctx);
    expect(seen).toEqual(["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]);
    expect(calls).toHaveLength(2);
  });

  it("shares one refresh among concurrent calls", async () => {
    const fake = fakeCredential([{ token: "tok-1", expiresOnTimestamp: Date.now() + hour }]);
    fake.gate.held = true;
    const fetch = scriptedFetch(() => json({}));
    const client = createBatchClient({ endpoint, credential: fake.credential, fetch });
    const pending = Promise.all([1, 2, 3].map((i) => client.tasks.get("j1", `t${i}`)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    fake.release();
    await pending;
    expect(fake.calls).toHaveLength(1);
    expect(fetch.calls.map((c) => c.headers.get("authorization"))).toEqual([
      "Bearer tok-1",
      "Bearer tok-1",
      "Bearer tok-1",
    ]);
  });

  it("refreshes once when the service refuses a cached token with 401", async () => {
    const { credential, calls, fetch } = refusedOnceCached();
    const client = createBatchClient({ endpoint, credential, fetch });
    await client.tasks.get("j1", "t1"); // caches "old"
    const task = await client.tasks.get("j1", "t1");
    expect(task.id).toBe("x");
    // the send with the new token is a retry of its own, and the 401 was not uncertain
    expect(task.meta).toMatchObject({ attempts: 2, uncertainAttempts: 0 });
    expect(fetch.calls.map((c) => c.headers.get("authorization"))).toEqual([
      "Bearer old",
      "Bearer old",
      "Bearer new",
    ]);
    expect(calls).toHaveLength(2);
  });

  it("does not loop on a 401 for a freshly fetched token", async () => {
    const { credential } = fakeCredential([{ token: "t", expiresOnTimestamp: Date.now() + hour }]);
    const fetch = scriptedFetch(() => empty(401));
    await expect(
      createBatchClient({ endpoint, credential, fetch }).tasks.get("j1", "t1"),
    ).rejects.toMatchObject({ status: 401 });
    expect(fetch.calls).toHaveLength(1);
  });

  it("turns a credential failure or a null token into a client BatchError, unretried", async () => {
    for (const outcome of [new Error("no managed identity here"), null]) {
      const { credential } = fakeCredential([outcome]);
      const fetch = scriptedFetch(() => json({}));
      await expect(
        createBatchClient({ endpoint, credential, fetch }).tasks.get("j1", "t1"),
      ).rejects.toMatchObject({
        name: "BatchError",
        kind: "client",
        code: "CredentialUnavailable",
      });
      expect(fetch.calls).toHaveLength(0);
    }
  });

  it("does not tie the shared refresh to one caller's signal: an abort stops that caller only", async () => {
    const fake = fakeCredential([{ token: "tok-1", expiresOnTimestamp: Date.now() + hour }]);
    fake.gate.held = true;
    const seenSignals: unknown[] = [];
    const credential: TokenCredential = {
      getToken: (scopes, options) => {
        seenSignals.push(options?.abortSignal);
        return fake.credential.getToken(scopes, options);
      },
    };
    const fetch = scriptedFetch((seen) => json({ id: seen.url.pathname.split("/").at(-1) }));
    const client = createBatchClient({ endpoint, credential, fetch, timeoutMs: 0 });
    const a = new AbortController();
    const first = client.tasks.get("j1", "a", { signal: a.signal }).catch((e: unknown) => e);
    const second = client.tasks.get("j1", "b");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.calls).toHaveLength(1);
    a.abort(new Error("caller A gave up"));
    // A stops at once, while the refresh is still under way.
    expect(await first).toMatchObject({ name: "BatchError", kind: "aborted" });
    fake.release();
    const task = await second;
    expect(task.id).toBe("b");
    expect(seenSignals).toEqual([undefined]);
    expect(fake.calls).toHaveLength(1);
    expect(fetch.calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer tok-1"]);
    // The token the refresh got is cached for later calls.
    await client.tasks.get("j1", "c");
    expect(fake.calls).toHaveLength(1);
  });

  it("gives up waiting for a token when the attempt's deadline passes; the retry gets it", async () => {
    const { manualTimers } = await import("../test-support/manual-timers.js");
    const { sendGet, testPipeline } = await import("../test-support/test-pipeline.js");
    const { bearerTokenMiddleware } = await import("./bearer-token.js");
    const timers = manualTimers();
    let release: (token: AccessToken) => void = () => undefined;
    let calls = 0;
    const credential: TokenCredential = {
      getToken: () => {
        calls++;
        // The deadline of the first attempt passes while the token is on its way.
        queueMicrotask(() => timers.fire());
        return new Promise<AccessToken>((resolve) => {
          release = resolve;
        });
      },
    };
    const fetch = scriptedFetch(() => json({ id: "t1" }));
    const pipeline = testPipeline(fetch, {
      timeoutMs: 1000,
      timers,
      auth: bearerTokenMiddleware(credential),
      retry: {
        sleep: async () => release({ token: "tok", expiresOnTimestamp: Date.now() + hour }),
      },
    });
    const answer = await sendGet(pipeline, `${endpoint}/jobs/j1/tasks/t1`);
    expect(answer).toMatchObject({ status: 200, attempts: 2 });
    // one refresh: the abandoned wait did not stop it, and it served the retry
    expect(calls).toBe(1);
    expect(fetch.calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer tok"]);
  });
});
