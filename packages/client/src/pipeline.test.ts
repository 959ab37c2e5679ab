import { apiVersion } from "@batch/types";
import { describe, expect, it } from "vitest";
import { type CallContext, composeSteps, createPipeline, type PipelineStep } from "./pipeline.js";
import { empty, scriptedFetch, testClient } from "./test-support/scripted-fetch.js";

describe("composeSteps", () => {
  it("nests steps in order around the transport, passing each step's context on", async () => {
    const trace: string[] = [];
    const step =
      (name: string): PipelineStep =>
      async (request, next, context) => {
        trace.push(`${name}>`);
        const response = await next(request, { ...context, attempt: context.attempt + 1 });
        trace.push(`<${name}`);
        return response;
      };
    let seenAttempt = 0;
    const run = composeSteps([step("a"), step("b")], async (_request, context) => {
      trace.push("transport");
      seenAttempt = context.attempt;
      return new Response(null, { status: 204 });
    });
    const context = {
      attempt: 1,
      record: { attempts: 0, uncertainAttempts: 0 },
    } as unknown as CallContext;
    expect((await run(new Request("http://h/"), context)).status).toBe(204);
    expect(trace).toEqual(["a>", "b>", "transport", "<b", "<a"]);
    expect(seenAttempt).toBe(3);
  });
});

describe("createPipeline", () => {
  it("leaves out the optional steps and reads a raw request's body once for every attempt", async () => {
    const bodies: (string | undefined)[] = [];
    const pass: PipelineStep = (request, next, context) => next(request, context);
    const pipeline = createPipeline({
      headers: pass,
      retry: async (request, next, context) => {
        await next(request, context);
        return next(request, { ...context, attempt: 2 });
      },
      timeout: pass,
      auth: undefined,
      logging: undefined,
      transport: async (_request, context) => {
        bodies.push(
          typeof context.body === "string" ? context.body : new TextDecoder().decode(context.body),
        );
        return new Response(null);
      },
    });
    await pipeline.send(new Request("http://h/", { method: "POST", body: '{"a":1}' }));
    expect(bodies).toEqual(['{"a":1}', '{"a":1}']);
  });

  it("resends a raw call's body whole on a retry", async () => {
    const fetch = scriptedFetch((seen) => empty(seen.index === 0 ? 503 : 201));
    const client = testClient(fetch);
    const { response } = await client.raw.POST("/jobs/{jobId}/tasks", {
      params: { path: { jobId: "j1" }, query: { "api-version": apiVersion } },
      body: { id: "t1", commandLine: "echo" },
    });
    expect(response.status).toBe(201);
    expect(fetch.calls.map((c) => c.body)).toEqual([
      '{"id":"t1","commandLine":"echo"}',
      '{"id":"t1","commandLine":"echo"}',
    ]);
    expect(fetch.calls[1]!.headers.get("content-type")).toBe(
      "application/json; odata=minimalmetadata",
    );
  });
});
