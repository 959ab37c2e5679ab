import { describe, expect, it } from "vitest";
import { newCallRecord } from "../pipeline.js";
import {
  json,
  scriptedFetch,
  serviceErrorResponse,
  testClient,
} from "../test-support/scripted-fetch.js";
import { type LogDetails, type LogLevel, loggingMiddleware } from "./logging.js";

describe("loggingMiddleware", () => {
  it("logs each attempt and answer, with only allow-listed headers and query values shown", async () => {
    const lines: { level: LogLevel; message: string; details: LogDetails }[] = [];
    const fetch = scriptedFetch((seen) =>
      seen.index === 0
        ? serviceErrorResponse(503, "ServerBusy", "busy", { "set-cookie": "session=abc" })
        : json({ id: "t1" }, { headers: { etag: "0x1" } }),
    );
    const client = testClient(fetch, {
      logger: (level, message, details) => lines.push({ level, message, details }),
    });
    await client.tasks.get("j1", "t1", { select: "id" });
    expect(lines.map((l) => [l.level, l.message.slice(0, 5)])).toEqual([
      ["debug", "-> Ta"],
      ["warn", "<- 50"],
      ["debug", "-> Ta"],
      ["debug", "<- 20"],
    ]);
    const request = lines[0]!.details;
    expect(request).toMatchObject({ operation: "Task_Get", attempt: 1, method: "GET" });
    expect(request.headers.authorization).toBe("REDACTED");
    expect(request.headers["ocp-date"]).toMatch(/GMT$/);
    expect(request.headers["client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.url).toContain("$select=id");
    expect(lines[1]!.details.headers["set-cookie"]).toBe("REDACTED");
    expect(lines[1]!.details.status).toBe(503);
    expect(lines[3]!.details.headers.etag).toBe("0x1");
    expect(lines[2]!.details.attempt).toBe(2);
  });

  it("accepts a console-like object and redacts SAS signatures in URLs", async () => {
    const messages: string[] = [];
    const step = loggingMiddleware({ debug: (message) => messages.push(message) });
    await step(
      new Request("http://h/jobs?api-version=1&sig=s3cr3t&se=2030"),
      async () => new Response(null),
      {
        operation: undefined,
        signal: undefined,
        attemptSignal: undefined,
        body: undefined,
        attempt: 1,
        record: newCallRecord(),
      },
    );
    expect(messages[0]).toContain("api-version=1&sig=REDACTED&se=REDACTED");
    expect(messages.join("\n")).not.toContain("s3cr3t");
  });
});
