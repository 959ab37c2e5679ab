import { describe, expect, it } from "vitest";
import { createBatchClient } from "../client.js";
import type { AccessToken, TokenCredential } from "../credentials/token-credential.js";
import type { PipelineRequest } from "../pipeline.js";
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

describe("bearerTokenMiddleware", () => {
  it("asks for the Batch scope and sends the token as a bearer", async () => {
    const { credential, calls } = fakeCredential([
      { token: "tok-1", expiresOnTimestamp: Date.now() + hour },
    ]);
    const fetch = scriptedFetch(() => json({ id: "t1" }));
    await createBatchClient({ endpoint, credential, fetch }).tasks.get("j1", "t1");
    expect(calls[0]!.scopes).toEqual(["https://batch.core.windows.net//.default"]);
    expect(fetch.calls[0]!.headers.get("authorization")).toBe("Bearer tok-1");
    expect(fetch.calls[0]!.headers.has("ocp-date")).toBe(false);
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
    const { credential, calls } = fakeCredential([
      { token: "old", expiresOnTimestamp: Date.now() + hour },
      { token: "new", expiresOnTimestamp: Date.now() + hour },
    ]);
    const fetch = scriptedFetch((seen) =>
      seen.headers.get("authorization") === "Bearer old" && seen.index > 0
        ? empty(401)
        : json({ id: "x" }),
    );
    const client = createBatchClient({ endpoint, credential, fetch });
    await client.tasks.get("j1", "t1"); // caches "old"
    const task = await client.tasks.get("j1", "t1");
    expect(task.id).toBe("x");
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
});
