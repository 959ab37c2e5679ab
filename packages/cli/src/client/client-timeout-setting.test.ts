// The client's per-attempt deadline: which setting wins, and an endpoint that accepts
// connections but never answers, given up on after that deadline (exit 6), not after the
// client's default (130 s).
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lines, runBatch } from "../test-support/batch-process.js";
import { clientTimeoutMs } from "./client-timeout-setting.js";

describe("clientTimeoutMs", () => {
  it("takes the flag, else the environment, else --timeout plus 10 s, else the default", () => {
    expect(clientTimeoutMs(2.5, { BATCH_CLIENT_TIMEOUT: "7" }, 30)).toBe(2500);
    expect(clientTimeoutMs(undefined, { BATCH_CLIENT_TIMEOUT: "7" }, 30)).toBe(7000);
    expect(clientTimeoutMs(0, {}, 30)).toBe(0);
    expect(clientTimeoutMs(undefined, {}, 30)).toBe(40_000);
    expect(clientTimeoutMs(undefined, { BATCH_CLIENT_TIMEOUT: "" }, undefined)).toBeUndefined();
    expect(() => clientTimeoutMs(undefined, { BATCH_CLIENT_TIMEOUT: "1m" }, undefined)).toThrow(
      'BATCH_CLIENT_TIMEOUT must be a number of 0 or more, not "1m"',
    );
  });
});

describe("an endpoint that never answers", () => {
  let server: Server;
  const sockets = new Set<Socket>();
  let env: Record<string, string>;

  beforeAll(async () => {
    // Accepts every connection and reads the request, but never writes a byte back.
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    env = {
      AZURE_BATCH_ENDPOINT: `http://127.0.0.1:${port}`,
      AZURE_BATCH_ACCOUNT: "devaccount",
      AZURE_BATCH_ACCESS_KEY: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    };
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it("is given up on after --client-timeout, with exit status 6", async () => {
    const run = await runBatch(
      ["task", "get", "--job-id", "j", "--id", "t", "--client-timeout", "1", "--max-retries", "0"],
      { env },
    );
    expect(run.code).toBe(6);
    expect(lines(run.stderr)).toEqual([
      "error: Timeout: Task_Get attempt 1 timed out after 1000 ms",
    ]);
  });

  it("waits the request's --timeout plus 10 s when no client deadline is given", async () => {
    const run = await runBatch(
      ["task", "get", "--job-id", "j", "--id", "t", "--timeout", "1", "--max-retries", "0"],
      { env },
    );
    expect(run.code).toBe(6);
    expect(lines(run.stderr)).toEqual([
      "error: Timeout: Task_Get attempt 1 timed out after 11000 ms",
    ]);
    // The 11 s wait is the point: the client's default would be 130 s.
  }, 30_000);

  it("takes the deadline from BATCH_CLIENT_TIMEOUT too", async () => {
    const run = await runBatch(["job", "get", "--job-id", "j", "--max-retries", "0"], {
      env: { ...env, BATCH_CLIENT_TIMEOUT: "0.5" },
    });
    expect(run.code).toBe(6);
    expect(lines(run.stderr)).toEqual(["error: Timeout: Job_Get attempt 1 timed out after 500 ms"]);
  });
});
