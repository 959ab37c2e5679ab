// Authentication through the handlers: signatures from our own signer, requests rebuilt from
// what the official clients (az 2.45 and @azure/batch 10.2) actually sent, bearer tokens, and
// turning authentication off for in-process tests.

import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "../dev-account.js";
import { type BatchService, createBatchService } from "../service/batch-service.js";
import { type BatchHandlersOptions, batchHandlers } from "./batch-handlers.js";
import { signedFetch, signHeaders } from "./signed-fetch.fixture.js";

const BASE = "https://devaccount.eastus.batch.azure.com";
const RECORDED_AT = Date.parse("Sat, 28 Nov 2026 14:18:03 GMT");
const JS_AGENT = "@azure/batch/10.2.0 ms-rest-azure-js/2.1.0 ms-rest-js/2.7.0 Node/v20.20.2";
const AZ_AGENT =
  "python/3.11.2 msrest/0.6.21 msrest_azure/0.6.4 azure-batch/13.0.1 Azure-SDK-For-Python";

let service: BatchService;
const server = setupServer();

function install(options: BatchHandlersOptions = {}) {
  server.resetHandlers(...batchHandlers(service, { baseUrl: BASE, ...options }));
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  service = createBatchService();
  service.addJob({ id: "j1", poolInfo: { poolId: "p" } });
  service.addTask("j1", { id: "t1", commandLine: "x" });
  install();
});

async function errorCode(response: Response): Promise<string> {
  return `${response.status} ${(await response.json()).code}`;
}

describe("Shared Key", () => {
  it("accepts requests signed with the development key", async () => {
    expect((await signedFetch(`${BASE}/jobs/j1/tasks/t1?api-version=2025-06-01`)).status).toBe(200);
  });

  it("refuses unsigned, wrongly signed and other-account requests with 403", async () => {
    expect(await errorCode(await fetch(`${BASE}/jobs/j1/tasks/t1?api-version=2025-06-01`))).toBe(
      "403 AuthenticationFailed",
    );
    const otherKey = Buffer.alloc(32, 7).toString("base64");
    expect(
      await errorCode(
        await signedFetch(`${BASE}/jobs/j1/tasks/t1?api-version=2025-06-01`, {}, { key: otherKey }),
      ),
    ).toBe("403 AuthenticationFailed");
    expect(
      await errorCode(
        await signedFetch(
          `${BASE}/jobs/j1/tasks/t1?api-version=2025-06-01`,
          {},
          { account: "other" },
        ),
      ),
    ).toBe("403 AuthenticationFailed");
  });

  it("refuses a signature made for a different request", async () => {
    const signedForList = signHeaders("GET", `${BASE}/jobs/j1/tasks?api-version=2025-06-01`, {});
    const replay = await fetch(`${BASE}/jobs/j1/tasks/t1?api-version=2025-06-01`, {
      headers: signedForList,
    });
    expect(await errorCode(replay)).toBe("403 AuthenticationFailed");
    expect(
      (await fetch(`${BASE}/jobs/j1/tasks?api-version=2025-06-01`, { headers: signedForList }))
        .status,
    ).toBe(200);
  });

  it("refuses a malformed Authorization header with 403 AuthenticationFailed and says why", async () => {
    const response = await fetch(`${BASE}/jobs/j1/tasks?api-version=2025-06-01`, {
      headers: { authorization: "Basic abc", "ocp-date": new Date().toUTCString() },
    });
    const body = await response.clone().json();
    expect(await errorCode(response)).toBe("403 AuthenticationFailed");
    expect(body.values).toEqual([
      {
        key: "AuthenticationErrorDetail",
        value: expect.stringMatching(/^The Authorization header is not in a valid format/),
      },
    ]);
  });

  it("checks the signature before anything else, even on unknown paths", async () => {
    expect(await errorCode(await fetch(`${BASE}/pools?api-version=2025-06-01`))).toBe(
      "403 AuthenticationFailed",
    );
    expect(await errorCode(await fetch(`${BASE}/jobs/j1/tasks`))).toBe("403 AuthenticationFailed");
  });

  it("accepts bearer tokens only when configured", async () => {
    const bearer = { headers: { authorization: "Bearer token-123" } };
    expect(
      await errorCode(await fetch(`${BASE}/jobs/j1/tasks?api-version=2025-06-01`, bearer)),
    ).toBe("403 AuthenticationFailed");
    install({
      auth: {
        accountName: DEV_ACCOUNT_NAME,
        accountKey: DEV_ACCOUNT_KEY,
        bearer: (t) => t === "token-123",
      },
    });
    expect((await fetch(`${BASE}/jobs/j1/tasks?api-version=2025-06-01`, bearer)).status).toBe(200);
  });

  it("accepts anything with auth: false", async () => {
    install({ auth: false });
    expect((await fetch(`${BASE}/jobs/j1/tasks?api-version=2025-06-01`)).status).toBe(200);
  });
});

describe("requests as the official clients sent them", () => {
  beforeEach(() => {
    install({
      auth: { accountName: DEV_ACCOUNT_NAME, accountKey: DEV_ACCOUNT_KEY, now: () => RECORDED_AT },
    });
  });

  const send = (method: string, target: string, headers: Record<string, string>, body?: string) =>
    fetch(`${BASE}${target}`, { method, headers, ...(body !== undefined && { body }) });

  it("@azure/batch addCollection with a body", async () => {
    const body =
      '{"value":[{"id":"c1","commandLine":"/bin/sh -c \'echo one\'"},{"id":"c2","commandLine":"echo two","environmentSettings":[{"name":"K","value":"V"}]},{"id":"c3","commandLine":"echo three","constraints":{"maxTaskRetryCount":2}}]}';
    const response = await send(
      "POST",
      "/jobs/j1/addtaskcollection?api-version=2022-10-01.16.0",
      {
        "content-type": "application/json; odata=minimalmetadata; charset=utf-8",
        "accept-language": "en-US",
        "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
        authorization: "SharedKey devaccount:XTcbDvlV9ZximYnnNu3RO+4L+p2hACVkqYjKCKVg24M=",
        "user-agent": JS_AGENT,
      },
      body,
    );
    expect(response.status).toBe(200);
    expect((await response.json()).value.map((r: { status: string }) => r.status)).toEqual([
      "success",
      "success",
      "success",
    ]);
  });

  it("@azure/batch list with $filter and $select, and its page-2 request", async () => {
    const headers = (signature: string) => ({
      "content-type": "application/json; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
      authorization: `SharedKey devaccount:${signature}`,
      "user-agent": JS_AGENT,
    });
    const first = await send(
      "GET",
      "/jobs/j1/tasks?api-version=2022-10-01.16.0&$filter=state%20eq%20%27active%27&$select=id%2Cstate&maxresults=10",
      headers("gwfua9qHiZxIl32EriNifHqV8Nxp7QKUrafa1YdD9LI="),
    );
    expect(first.status).toBe(200);
    expect((await first.json()).value).toEqual([{ id: "t1", state: "active" }]);
    // The recorded page-2 request carried a made-up skip token, which the emulator refuses
    // only after the signature has been accepted.
    const second = await send(
      "GET",
      "/jobs/j1/tasks?api-version=2022-10-01.16.0&$filter=state%20eq%20%27active%27&$select=id,state&maxresults=10&$skiptoken=page2",
      headers("n3vQiJmPdt8YbxuT5UdGwKIOKBKeUWcZdiDmDEeDeq0="),
    );
    expect(await errorCode(second)).toBe("400 InvalidQueryParameterValue");
  });

  it("@azure/batch terminate (Content-Length 0) and delete (no Content-Length)", async () => {
    const terminate = await send(
      "POST",
      "/jobs/j1/tasks/t1/terminate?api-version=2022-10-01.16.0",
      {
        "content-type": "application/json; charset=utf-8",
        "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
        authorization: "SharedKey devaccount:STRfPr0H+HVjMwTp3GSX1nHEDIsU7mV1PsdN3e/GsX0=",
        "content-length": "0",
      },
    );
    expect(terminate.status).toBe(204);
    const remove = await send("DELETE", "/jobs/j1/tasks/t1?api-version=2022-10-01.16.0", {
      "content-type": "application/json; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
      authorization: "SharedKey devaccount:JyJ6ebhngse/x2upHPUGjB6FI1bsYQR16V1sSBtrAbg=",
    });
    expect(remove.status).toBe(200);
  });

  it("az task reset with a body, and az delete with Content-Length 0", async () => {
    const reset = await send(
      "PUT",
      "/jobs/j1/tasks/t1?api-version=2022-10-01.16.0&timeout=30",
      {
        "Content-Type": "application/json; odata=minimalmetadata; charset=utf-8",
        "client-request-id": "851d81f8-eb36-11f1-b24f-02fc00000001",
        "return-client-request-id": "false",
        "Content-Length": "19",
        "ocp-date": "Sat, 28 Nov 2026 14:18:01 GMT",
        Authorization: "SharedKey devaccount:mdCovSvYJbdikqZJq3D6WBVr3vjHVwscZ2n9xcylo+8=",
        "User-Agent": AZ_AGENT,
      },
      '{"constraints": {}}',
    );
    expect(reset.status).toBe(200);
    expect(reset.headers.has("client-request-id")).toBe(false);
    const remove = await send(
      "DELETE",
      "/jobs/j1/tasks/t1?api-version=2022-10-01.16.0&timeout=30",
      {
        "client-request-id": "85e29b3c-eb36-11f1-b5fe-02fc00000001",
        "return-client-request-id": "false",
        "Content-Length": "0",
        "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
        Authorization: "SharedKey devaccount:Z8wqOouzkpOL8J0PYp5QsYSyMsymvnCGFrt+xgkDNzE=",
      },
    );
    expect(remove.status).toBe(200);
  });

  it("az following a next link with raw quotes and commas", async () => {
    const response = await send(
      "GET",
      "/jobs/j1/tasks?api-version=2022-10-01.16.0&$filter=state%20eq%20'active'&$select=id,state&maxresults=1000&timeout=30&$skiptoken=page2",
      {
        "client-request-id": "841af89e-eb36-11f1-a15e-02fc00000001",
        "return-client-request-id": "false",
        "ocp-date": "Sat, 28 Nov 2026 14:18:00 GMT",
        Authorization: "SharedKey devaccount:dBbyULsYuw2e2KXH04/DlvM1uqUocWEjJAkh9vcuORc=",
      },
    );
    expect(await errorCode(response)).toBe("400 InvalidQueryParameterValue");
  });

  it("az get of percent-encoded ids: authenticated on the encoded path, looked up decoded", async () => {
    const response = await send(
      "GET",
      "/jobs/j%201/tasks/t%2B1?api-version=2022-10-01.16.0&timeout=30",
      {
        "client-request-id": "6dbc122a-eb38-11f1-a224-02fc00000001",
        "return-client-request-id": "false",
        "ocp-date": "Sat, 28 Nov 2026 14:31:41 GMT",
        Authorization: "SharedKey devaccount:QzxXzg6Sls7YAnIdDztNQ/3ehYaYQR7/hmetayIe0oo=",
      },
    );
    expect(await errorCode(response)).toBe("404 JobNotFound");
  });
});
