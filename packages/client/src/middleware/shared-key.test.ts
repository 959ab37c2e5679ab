import { describe, expect, it, vi } from "vitest";
import { SharedKeyCredential } from "../credentials/shared-key-credential.js";
import { type CallContext, newCallRecord, type PipelineRequest } from "../pipeline.js";
import { devAccount, devKey } from "../test-support/scripted-fetch.js";
import { sharedKeyMiddleware, sharedKeyStringToSign, wireContentLength } from "./shared-key.js";

// Requests recorded from the official clients (@azure/batch 10.2.0, az 2.45 and a probe of odd
// ids), rebuilt here by hand: method, request target, the headers that are signed, the body,
// and the Authorization header the official client computed with the development key. Only
// requests whose Content-Length follows this client's rule are used (body length; "0" for a
// bodyless POST or PUT; none otherwise).
interface Vector {
  name: string;
  method: string;
  target: string;
  headers: Record<string, string>;
  body?: string;
  contentLength: string;
  authorization: string;
}

const jsDate = "Sat, 28 Nov 2026 14:18:03 GMT";
const jsonCharset = "application/json; charset=utf-8";
const odataCharset = "application/json; odata=minimalmetadata; charset=utf-8";
const v = "api-version=2022-10-01.16.0";

const vectors: Vector[] = [
  {
    name: "js add (body)",
    method: "POST",
    target: `/jobs/j1/tasks?${v}`,
    headers: { "content-type": odataCharset, "ocp-date": jsDate },
    body: '{"id":"t1","commandLine":"echo hi"}',
    contentLength: "35",
    authorization: "SharedKey devaccount:myr7tLrsej/ciqAi8aAbxI5UiWn51nYwF8AcERIG2Pw=",
  },
  {
    name: "js addCollection (body)",
    method: "POST",
    target: `/jobs/j1/addtaskcollection?${v}`,
    headers: { "content-type": odataCharset, "ocp-date": jsDate },
    body: '{"value":[{"id":"c1","commandLine":"/bin/sh -c \'echo one\'"},{"id":"c2","commandLine":"echo two","environmentSettings":[{"name":"K","value":"V"}]},{"id":"c3","commandLine":"echo three","constraints":{"maxTaskRetryCount":2}}]}',
    contentLength: "224",
    authorization: "SharedKey devaccount:XTcbDvlV9ZximYnnNu3RO+4L+p2hACVkqYjKCKVg24M=",
  },
  {
    name: "js get with $select=id%2Cstate and If-None-Match",
    method: "GET",
    target: `/jobs/j1/tasks/t1?${v}&$select=id%2Cstate`,
    headers: { "content-type": jsonCharset, "ocp-date": jsDate, "if-none-match": '"0x1"' },
    contentLength: "",
    authorization: "SharedKey devaccount:Ce7rjwWnRJkPlxyYytSUldq+5ee+mMg9tCqqheXyAxM=",
  },
  {
    name: "js list with $filter, $select, maxresults",
    method: "GET",
    target: `/jobs/j1/tasks?${v}&$filter=state%20eq%20%27active%27&$select=id%2Cstate&maxresults=10`,
    headers: { "content-type": jsonCharset, "ocp-date": jsDate },
    contentLength: "",
    authorization: "SharedKey devaccount:gwfua9qHiZxIl32EriNifHqV8Nxp7QKUrafa1YdD9LI=",
  },
  {
    name: "js update (PUT body)",
    method: "PUT",
    target: `/jobs/j1/tasks/t1?${v}`,
    headers: { "content-type": odataCharset, "ocp-date": jsDate },
    body: '{"constraints":{"maxWallClockTime":"PT1H","retentionTime":"P1D","maxTaskRetryCount":3}}',
    contentLength: "87",
    authorization: "SharedKey devaccount:3jnxdbSMJr7RyrS5oMD0X01bT6ZQXLsDxTcyRHnEl8Q=",
  },
  {
    name: "js terminate (bodyless POST signs 0)",
    method: "POST",
    target: `/jobs/j1/tasks/t1/terminate?${v}`,
    headers: { "content-type": jsonCharset, "ocp-date": jsDate },
    contentLength: "0",
    authorization: "SharedKey devaccount:STRfPr0H+HVjMwTp3GSX1nHEDIsU7mV1PsdN3e/GsX0=",
  },
  {
    name: "js delete (bodyless DELETE signs empty)",
    method: "DELETE",
    target: `/jobs/j1/tasks/t1?${v}`,
    headers: { "content-type": jsonCharset, "ocp-date": jsDate },
    contentLength: "",
    authorization: "SharedKey devaccount:JyJ6ebhngse/x2upHPUGjB6FI1bsYQR16V1sSBtrAbg=",
  },
  {
    name: "probe ids with %20 and %2B",
    method: "GET",
    target: `/jobs/j%201/tasks/t%2B1?${v}&timeout=30`,
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:31:41 GMT" },
    contentLength: "",
    authorization: "SharedKey devaccount:QzxXzg6Sls7YAnIdDztNQ/3ehYaYQR7/hmetayIe0oo=",
  },
  {
    name: "probe ids with %25 and %C3%A4",
    method: "GET",
    target: `/jobs/j%251/tasks/t%C3%A4?${v}&timeout=30`,
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:31:42 GMT" },
    contentLength: "",
    authorization: "SharedKey devaccount:Z/+XC1IJ6MReZGe5iNVoqx5eKAKTDFoRj225jAA57Cc=",
  },
  {
    name: "probe ids with %25 and %C3%A4, with content-type",
    method: "GET",
    target: `/jobs/j%251/tasks/t%C3%A4?${v}`,
    headers: { "content-type": jsonCharset, "ocp-date": "Sat, 28 Nov 2026 14:31:43 GMT" },
    contentLength: "",
    authorization: "SharedKey devaccount:gF7vIPltpZ29M8xOgmVA9mfUgJbqUIkHDKCJTtS3Q/Y=",
  },
  {
    name: "probe $filter with encoded + and &",
    method: "GET",
    target: `/jobs/j1/tasks?${v}&$filter=id%20eq%20%27a%2Bb%20%26%20c%27&maxresults=1000&timeout=30`,
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:31:43 GMT" },
    contentLength: "",
    authorization: "SharedKey devaccount:WUPEmwQmIzodJmRd3HkmcZhJy05SY9Vbg5PJBoQU/aI=",
  },
  {
    name: "az list with $filter and $select",
    method: "GET",
    target: `/jobs/j1/tasks?${v}&$filter=state%20eq%20%27active%27&$select=id%2Cstate&maxresults=1000&timeout=30`,
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:18:00 GMT" },
    contentLength: "",
    authorization: "SharedKey devaccount:pLOe4xStsXXdWpacqUmMGAdAt1E+yvmyPbZ2C/hlbL8=",
  },
  {
    name: "az terminate (no content-type, Content-Length 0)",
    method: "POST",
    target: `/jobs/j1/tasks/t1/terminate?${v}&timeout=30`,
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:18:02 GMT" },
    contentLength: "0",
    authorization: "SharedKey devaccount:O552yGN8Pp9fohCJGJBqdqkH8ioWfhKlBhx0LDq4A0M=",
  },
  {
    name: "az add (python json body)",
    method: "POST",
    target: `/jobs/j1/tasks?${v}`,
    headers: { "content-type": odataCharset, "ocp-date": "Sat, 28 Nov 2026 14:17:57 GMT" },
    body: '{"id": "t1", "commandLine": "echo hi"}',
    contentLength: "38",
    authorization: "SharedKey devaccount:XuAzCEAjfMVDjo41YGi+nfqSA7B4MTgouSZRcX1JCT8=",
  },
];

const credential = new SharedKeyCredential(devAccount, devKey);
const origin = "http://127.0.0.1:18481";

function contextFor(body: string | undefined, attempt = 1): CallContext {
  return {
    operation: undefined,
    signal: undefined,
    attemptSignal: undefined,
    body,
    attempt,
    record: newCallRecord(),
  };
}

describe("Shared Key signature vectors from the official clients", () => {
  it.each(vectors)("$name", async (vector) => {
    const request = new Request(`${origin}${vector.target}`, {
      method: vector.method,
      headers: vector.headers,
    });
    // Our Content-Length rule gives what these clients sent.
    expect(wireContentLength(vector.method, vector.body)).toBe(vector.contentLength);

    const signed = await credential.computeSignature(
      sharedKeyStringToSign({
        method: vector.method,
        url: request.url,
        headers: request.headers,
        contentLength: vector.contentLength,
        accountName: devAccount,
      }),
    );
    expect(`SharedKey ${devAccount}:${signed}`).toBe(vector.authorization);

    // And the middleware, given the same request, sends the same Authorization.
    let sent: string | null = null;
    await sharedKeyMiddleware(credential)(
      request,
      async (req) => {
        sent = req.headers.get("authorization");
        return new Response(null, { status: 200 });
      },
      contextFor(vector.body),
    );
    expect(sent).toBe(vector.authorization);
  });

  it("signs the same with WebCrypto as with node:crypto", async () => {
    // Where process.getBuiltinModule gives no node:crypto (browsers, Deno), WebCrypto signs.
    const noNodeCrypto = vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined);
    const web = new SharedKeyCredential(devAccount, devKey);
    expect(noNodeCrypto).toHaveBeenCalledWith("crypto");
    noNodeCrypto.mockRestore();
    for (const text of ["", "GET\n\n", "ä€𝄞 and more"]) {
      expect(await web.computeSignature(text)).toBe(await credential.computeSignature(text));
    }
  });
});

describe("sharedKeyStringToSign", () => {
  it("lays out the verb, standard headers, ocp-* headers and canonicalized resource", () => {
    const headers = new Headers({
      "content-type": "application/json; odata=minimalmetadata",
      "ocp-date": "Sun, 01 Jun 2025 10:00:00 GMT",
      "ocp-extra": "x",
      "ocp-empty": "",
      "if-match": '"0x1"',
      "client-request-id": "not-signed",
    });
    const text = sharedKeyStringToSign({
      method: "put",
      url: "http://h/jobs/j%201/tasks/t?timeout=30&api-version=2025-06-01&$select=a%2Cb&timeout=99&sp=a+b",
      headers,
      contentLength: "12",
      accountName: "acct",
    });
    expect(text).toBe(
      [
        "PUT",
        "",
        "",
        "12",
        "",
        "application/json; odata=minimalmetadata",
        "",
        "",
        '"0x1"',
        "",
        "",
        "",
        "ocp-date:Sun, 01 Jun 2025 10:00:00 GMT",
        "ocp-extra:x",
        // path still encoded; names sorted; values decoded (+ is a space); first value wins
        "/acct/jobs/j%201/tasks/t",
        "$select:a,b",
        "api-version:2025-06-01",
        "sp:a b",
        "timeout:30",
      ].join("\n"),
    );
  });
});

describe("sharedKeyMiddleware", () => {
  it("keeps a caller's ocp-date on the first attempt and dates every retry afresh", async () => {
    const times = [new Date("2030-01-01T00:00:05Z"), new Date("2030-01-01T00:00:09Z")];
    const step = sharedKeyMiddleware(credential, { now: () => times.shift()! });
    const request = new Request(`${origin}/jobs/j/tasks/t?api-version=2025-06-01`, {
      headers: { "ocp-date": "Tue, 01 Jan 2030 00:00:00 GMT" },
    });
    const seen: [string | null, string | null][] = [];
    const next = async (req: PipelineRequest) => {
      seen.push([req.headers.get("ocp-date"), req.headers.get("authorization")]);
      return new Response(null);
    };
    await step(request, next, contextFor(undefined, 1));
    await step(request, next, contextFor(undefined, 2));
    expect(seen[0]![0]).toBe("Tue, 01 Jan 2030 00:00:00 GMT");
    expect(seen[1]![0]).toBe("Tue, 01 Jan 2030 00:00:05 GMT");
    expect(seen[0]![1]).not.toBe(seen[1]![1]);
    expect(seen[1]![1]).toMatch(/^SharedKey devaccount:[A-Za-z0-9+/]{43}=$/);
  });

  it("dates a request that has no ocp-date", async () => {
    const step = sharedKeyMiddleware(credential, { now: () => new Date("2030-01-01T00:00:00Z") });
    let date: string | null = null;
    await step(
      new Request(`${origin}/jobs`),
      async (req) => {
        date = req.headers.get("ocp-date");
        return new Response(null);
      },
      contextFor(undefined),
    );
    expect(date).toBe("Tue, 01 Jan 2030 00:00:00 GMT");
  });
});

describe("wireContentLength", () => {
  it("counts UTF-8 bytes of string and byte bodies", () => {
    expect(wireContentLength("POST", "ä€𝄞")).toBe("9");
    expect(wireContentLength("POST", new TextEncoder().encode("abc"))).toBe("3");
    expect(wireContentLength("PUT", undefined)).toBe("0");
    expect(wireContentLength("GET", undefined)).toBe("");
    expect(wireContentLength("DELETE", undefined)).toBe("");
  });
});
