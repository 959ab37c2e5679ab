import { afterEach, describe, expect, it, vi } from "vitest";
import { type CallContext, newCallRecord, type PipelineRequest } from "../pipeline.js";
import { scriptedFetch, testClient } from "../test-support/scripted-fetch.js";
import { clientVersion } from "../version.js";
import { buildUserAgent, headersMiddleware, odataJsonContentType } from "./headers.js";

afterEach(() => {
  vi.unstubAllGlobals();
});

function context(body?: string): CallContext {
  return {
    operation: undefined,
    signal: undefined,
    attemptSignal: undefined,
    body,
    attempt: 1,
    record: newCallRecord(),
  };
}

async function run(
  request: Request,
  options: Partial<Parameters<typeof headersMiddleware>[0]> = {},
  body?: string,
) {
  let sent: PipelineRequest | undefined;
  const ctx = context(body);
  await headersMiddleware({
    apiVersion: "2025-06-01",
    userAgent: "ua/1",
    newClientRequestId: () => "id-1",
    ...options,
  })(
    request,
    async (req) => {
      sent = req;
      return new Response(null);
    },
    ctx,
  );
  return { sent: sent!, record: ctx.record };
}

describe("headersMiddleware", () => {
  it("adds api-version when the URL lacks it and keeps the one it has", async () => {
    expect((await run(new Request("http://h/jobs"))).sent.url).toBe(
      "http://h/jobs?api-version=2025-06-01",
    );
    expect((await run(new Request("http://h/jobs?$skiptoken=x"))).sent.url).toBe(
      "http://h/jobs?$skiptoken=x&api-version=2025-06-01",
    );
    expect((await run(new Request("http://h/jobs?api-version=2024-07-01.20.0"))).sent.url).toBe(
      "http://h/jobs?api-version=2024-07-01.20.0",
    );
  });

  it("generates a client-request-id, or keeps the caller's, and records it for the call", async () => {
    const generated = await run(new Request("http://h/jobs"));
    expect(generated.sent.headers.get("client-request-id")).toBe("id-1");
    expect(generated.record.clientRequestId).toBe("id-1");
    const own = await run(
      new Request("http://h/jobs", { headers: { "client-request-id": "mine" } }),
    );
    expect(own.sent.headers.get("client-request-id")).toBe("mine");
    expect(own.record.clientRequestId).toBe("mine");
  });

  it("dates every call with ocp-date, keeping the caller's own", async () => {
    const now = () => new Date("2030-01-01T00:00:00Z");
    const dated = await run(new Request("http://h/jobs"), { now });
    expect(dated.sent.headers.get("ocp-date")).toBe("Tue, 01 Jan 2030 00:00:00 GMT");
    const own = await run(
      new Request("http://h/jobs", { headers: { "ocp-date": "Mon, 01 Jan 2029 00:00:00 GMT" } }),
      { now },
    );
    expect(own.sent.headers.get("ocp-date")).toBe("Mon, 01 Jan 2029 00:00:00 GMT");
  });

  it("asks for the id back when configured", async () => {
    const { sent } = await run(new Request("http://h/jobs"), { returnClientRequestId: true });
    expect(sent.headers.get("return-client-request-id")).toBe("true");
    const { sent: plain } = await run(new Request("http://h/jobs"));
    expect(plain.headers.has("return-client-request-id")).toBe(false);
  });

  it("sets the user-agent and the OData content type of bodies", async () => {
    const { sent } = await run(
      new Request("http://h/jobs", {
        method: "POST",
        headers: { "content-type": "application/json" },
      }),
      {},
      "{}",
    );
    expect(sent.headers.get("user-agent")).toBe("ua/1");
    expect(sent.headers.get("content-type")).toBe(odataJsonContentType);
    const { sent: custom } = await run(
      new Request("http://h/jobs", {
        method: "POST",
        headers: { "content-type": "application/x-custom" },
      }),
      {},
      "{}",
    );
    expect(custom.headers.get("content-type")).toBe("application/x-custom");
    const { sent: bodyless } = await run(new Request("http://h/jobs", { method: "POST" }));
    expect(bodyless.headers.has("content-type")).toBe(false);
  });

  it("sends a random UUID per call by default", async () => {
    const fetch = scriptedFetch(() => new Response("{}", { status: 200 }));
    const client = testClient(fetch);
    await client.tasks.get("j1", "t1");
    await client.tasks.get("j1", "t1");
    const [a, b] = fetch.calls.map((c) => c.headers.get("client-request-id"));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(fetch.calls[0]!.headers.get("user-agent")).toBe(
      `batch-client/${clientVersion} node/${process.versions.node}`,
    );
  });
});

describe("buildUserAgent", () => {
  it("names the client and node, with the caller's prefix and suffix", () => {
    const base = `batch-client/${clientVersion} node/${process.versions.node}`;
    expect(buildUserAgent(undefined)).toBe(base);
    expect(buildUserAgent("my-tool/2.0")).toBe(`my-tool/2.0 ${base}`);
    expect(buildUserAgent({ prefix: "a/1", suffix: "(ci)" })).toBe(`a/1 ${base} (ci)`);
  });

  it("sends none where there is no Node (browsers set their own)", () => {
    vi.stubGlobal("process", undefined);
    expect(buildUserAgent("x")).toBeUndefined();
  });
});
