import { describe, expect, it } from "vitest";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "../dev-account.js";
import {
  computeSharedKeySignature,
  type SignedRequest,
  sharedKeyAuthorization,
  stringsToSign,
  verifySharedKey,
} from "./shared-key.js";
import { signedRequestFrom } from "./signed-request.js";

interface WireVector {
  name: string;
  method: string;
  /** The request target exactly as the client sent it. */
  target: string;
  /** The headers that take part in the signature, with the names cased as sent. */
  headers: Record<string, string>;
  /** The Authorization header the client produced with the development key. */
  authorization: string;
}

// Requests recorded from az 2.45 (azure-batch 13.0.1) and @azure/batch 10.2.0 talking to a
// loopback server, signed with the development account. Rebuilt here so the tests need nothing
// outside the repository.
const vectors: WireVector[] = [
  {
    name: "az: add a task (POST with a JSON body)",
    method: "POST",
    target: "/jobs/j1/tasks?api-version=2022-10-01.16.0",
    headers: {
      "Content-Type": "application/json; odata=minimalmetadata; charset=utf-8",
      "Content-Length": "38",
      "ocp-date": "Sat, 28 Nov 2026 14:17:57 GMT",
    },
    authorization: "SharedKey devaccount:XuAzCEAjfMVDjo41YGi+nfqSA7B4MTgouSZRcX1JCT8=",
  },
  {
    name: "az: get with $select=id%2Cstate and If-None-Match",
    method: "GET",
    target: "/jobs/j1/tasks/t1?api-version=2022-10-01.16.0&$select=id%2Cstate&timeout=30",
    headers: { "If-None-Match": '"0x1"', "ocp-date": "Sat, 28 Nov 2026 14:17:59 GMT" },
    authorization: "SharedKey devaccount:/h0Wnofd9/UgIXa8AaA1WeEMkoQWasz7BUrrB56M80c=",
  },
  {
    name: "az: list, second page (nextLink with $skiptoken)",
    method: "GET",
    target:
      "/jobs/j1/tasks?api-version=2022-10-01.16.0&maxresults=1000&timeout=30&$skiptoken=page2",
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:17:59 GMT" },
    authorization: "SharedKey devaccount:U7yduBtrMEOLyfxBgxgmXZT+2bTqth754FbWUPPuy8A=",
  },
  {
    name: "az: list with $filter (%20, %27) and $select",
    method: "GET",
    target:
      "/jobs/j1/tasks?api-version=2022-10-01.16.0&$filter=state%20eq%20%27active%27&$select=id%2Cstate&maxresults=1000&timeout=30",
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:18:00 GMT" },
    authorization: "SharedKey devaccount:pLOe4xStsXXdWpacqUmMGAdAt1E+yvmyPbZ2C/hlbL8=",
  },
  {
    name: "az: list, nextLink carrying a raw quote and comma",
    method: "GET",
    target:
      "/jobs/j1/tasks?api-version=2022-10-01.16.0&$filter=state%20eq%20'active'&$select=id,state&maxresults=1000&timeout=30&$skiptoken=page2",
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:18:00 GMT" },
    authorization: "SharedKey devaccount:dBbyULsYuw2e2KXH04/DlvM1uqUocWEjJAkh9vcuORc=",
  },
  {
    name: "az: update (PUT)",
    method: "PUT",
    target: "/jobs/j1/tasks/t1?api-version=2022-10-01.16.0&timeout=30",
    headers: {
      "Content-Type": "application/json; odata=minimalmetadata; charset=utf-8",
      "Content-Length": "93",
      "ocp-date": "Sat, 28 Nov 2026 14:18:01 GMT",
    },
    authorization: "SharedKey devaccount:VOevBS3Pvjdt3u43rEEjordhPsFJ0FixS/4gsrGFAKw=",
  },
  {
    name: "az: terminate (bodyless POST, Content-Length: 0)",
    method: "POST",
    target: "/jobs/j1/tasks/t1/terminate?api-version=2022-10-01.16.0&timeout=30",
    headers: { "Content-Length": "0", "ocp-date": "Sat, 28 Nov 2026 14:18:02 GMT" },
    authorization: "SharedKey devaccount:O552yGN8Pp9fohCJGJBqdqkH8ioWfhKlBhx0LDq4A0M=",
  },
  {
    name: "az: reactivate (bodyless POST, Content-Length: 0)",
    method: "POST",
    target: "/jobs/j1/tasks/t1/reactivate?api-version=2022-10-01.16.0&timeout=30",
    headers: { "Content-Length": "0", "ocp-date": "Sat, 28 Nov 2026 14:18:02 GMT" },
    authorization: "SharedKey devaccount:9Xc3DlWUoiHr8thHrMrmYc2/juC/TX82fsGOcp0Tsjc=",
  },
  {
    name: "az: delete (DELETE with Content-Length: 0)",
    method: "DELETE",
    target: "/jobs/j1/tasks/t1?api-version=2022-10-01.16.0&timeout=30",
    headers: { "Content-Length": "0", "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT" },
    authorization: "SharedKey devaccount:Z8wqOouzkpOL8J0PYp5QsYSyMsymvnCGFrt+xgkDNzE=",
  },
  {
    name: "@azure/batch: add a task (POST with a JSON body)",
    method: "POST",
    target: "/jobs/j1/tasks?api-version=2022-10-01.16.0",
    headers: {
      "content-type": "application/json; odata=minimalmetadata; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
      "Content-Length": "35",
    },
    authorization: "SharedKey devaccount:myr7tLrsej/ciqAi8aAbxI5UiWn51nYwF8AcERIG2Pw=",
  },
  {
    name: "@azure/batch: addtaskcollection",
    method: "POST",
    target: "/jobs/j1/addtaskcollection?api-version=2022-10-01.16.0",
    headers: {
      "content-type": "application/json; odata=minimalmetadata; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
      "Content-Length": "224",
    },
    authorization: "SharedKey devaccount:XTcbDvlV9ZximYnnNu3RO+4L+p2hACVkqYjKCKVg24M=",
  },
  {
    name: "@azure/batch: get (GET carrying a content-type)",
    method: "GET",
    target: "/jobs/j1/tasks/t1?api-version=2022-10-01.16.0",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
    },
    authorization: "SharedKey devaccount:CbpDLca6DFTWXNxJUsdrU1j/wGiz2mrtuS0dBPMa84M=",
  },
  {
    name: "@azure/batch: get with $select and if-none-match",
    method: "GET",
    target: "/jobs/j1/tasks/t1?api-version=2022-10-01.16.0&$select=id%2Cstate",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "if-none-match": '"0x1"',
      "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
    },
    authorization: "SharedKey devaccount:Ce7rjwWnRJkPlxyYytSUldq+5ee+mMg9tCqqheXyAxM=",
  },
  {
    name: "@azure/batch: list with $filter, $select and maxresults",
    method: "GET",
    target:
      "/jobs/j1/tasks?api-version=2022-10-01.16.0&$filter=state%20eq%20%27active%27&$select=id%2Cstate&maxresults=10",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
    },
    authorization: "SharedKey devaccount:gwfua9qHiZxIl32EriNifHqV8Nxp7QKUrafa1YdD9LI=",
  },
  {
    name: "@azure/batch: list, nextLink page",
    method: "GET",
    target:
      "/jobs/j1/tasks?api-version=2022-10-01.16.0&$filter=state%20eq%20%27active%27&$select=id,state&maxresults=10&$skiptoken=page2",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
    },
    authorization: "SharedKey devaccount:n3vQiJmPdt8YbxuT5UdGwKIOKBKeUWcZdiDmDEeDeq0=",
  },
  {
    name: "@azure/batch: update with an empty object body (PUT)",
    method: "PUT",
    target: "/jobs/j1/tasks/t1?api-version=2022-10-01.16.0",
    headers: {
      "content-type": "application/json; odata=minimalmetadata; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
      "Content-Length": "2",
    },
    authorization: "SharedKey devaccount:h2d37fYZzRrm/YawAaDlBqGq7njPolcwuk1/MffWKEQ=",
  },
  {
    name: "@azure/batch: terminate (bodyless POST, Content-Length: 0)",
    method: "POST",
    target: "/jobs/j1/tasks/t1/terminate?api-version=2022-10-01.16.0",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
      "Content-Length": "0",
    },
    authorization: "SharedKey devaccount:STRfPr0H+HVjMwTp3GSX1nHEDIsU7mV1PsdN3e/GsX0=",
  },
  {
    name: "@azure/batch: delete (DELETE without Content-Length)",
    method: "DELETE",
    target: "/jobs/j1/tasks/t1?api-version=2022-10-01.16.0",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:18:03 GMT",
    },
    authorization: "SharedKey devaccount:JyJ6ebhngse/x2upHPUGjB6FI1bsYQR16V1sSBtrAbg=",
  },
  {
    name: "az: ids with %20 and %2B in the path",
    method: "GET",
    target: "/jobs/j%201/tasks/t%2B1?api-version=2022-10-01.16.0&timeout=30",
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:31:41 GMT" },
    authorization: "SharedKey devaccount:QzxXzg6Sls7YAnIdDztNQ/3ehYaYQR7/hmetayIe0oo=",
  },
  {
    name: "az: ids with %25 and %C3%A4 in the path",
    method: "GET",
    target: "/jobs/j%251/tasks/t%C3%A4?api-version=2022-10-01.16.0&timeout=30",
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:31:42 GMT" },
    authorization: "SharedKey devaccount:Z/+XC1IJ6MReZGe5iNVoqx5eKAKTDFoRj225jAA57Cc=",
  },
  {
    name: "az: id with %2F in the path",
    method: "GET",
    target: "/jobs/j1/tasks/a%2Fb?api-version=2022-10-01.16.0&timeout=30",
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:31:42 GMT" },
    authorization: "SharedKey devaccount:PCTvgO8AWnJE6IXBpoIGJZ1SFTSWsXw81mrWMMmE1pU=",
  },
  {
    name: "az: $filter with %2B and %26 in a value",
    method: "GET",
    target:
      "/jobs/j1/tasks?api-version=2022-10-01.16.0&$filter=id%20eq%20%27a%2Bb%20%26%20c%27&maxresults=1000&timeout=30",
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:31:43 GMT" },
    authorization: "SharedKey devaccount:WUPEmwQmIzodJmRd3HkmcZhJy05SY9Vbg5PJBoQU/aI=",
  },
  {
    name: "az: empty query value (dropped), + and %2B",
    method: "GET",
    target:
      "/jobs/j1/tasks?api-version=2022-10-01.16.0&$filter=id%20eq%20'a%2Bb%20%26%20c'&maxresults=1000&timeout=30&$skiptoken=page2&empty=&plus=a%2Bb&sp=a+b",
    headers: { "ocp-date": "Sat, 28 Nov 2026 14:31:43 GMT" },
    authorization: "SharedKey devaccount:qspR7DjmoiuChYfckL20KEuigqs8IW30WMDlZZt3o/k=",
  },
  {
    name: "@azure/batch: ids with %20 and %2B in the path",
    method: "GET",
    target: "/jobs/j%201/tasks/t%2B1?api-version=2022-10-01.16.0",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:31:43 GMT",
    },
    authorization: "SharedKey devaccount:NYCb2Sbi4KwfTeAimiq55TcdRCub++5ENpK5lWujwfo=",
  },
  {
    name: "@azure/batch: ids with %25 and %C3%A4 in the path",
    method: "GET",
    target: "/jobs/j%251/tasks/t%C3%A4?api-version=2022-10-01.16.0",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:31:43 GMT",
    },
    authorization: "SharedKey devaccount:gF7vIPltpZ29M8xOgmVA9mfUgJbqUIkHDKCJTtS3Q/Y=",
  },
  {
    name: "@azure/batch: empty query value (kept), + and %2B",
    method: "GET",
    target:
      "/jobs/j1/tasks?api-version=2022-10-01.16.0&$filter=id%20eq%20%27a%2Bb%20%26%20c%27&$skiptoken=page2&empty=&plus=a%2Bb&sp=a+b",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "ocp-date": "Sat, 28 Nov 2026 14:31:43 GMT",
    },
    authorization: "SharedKey devaccount:TINEzK4hYS05uUqRP4t/UMsgfIGKZ0gbAz69V+M3FMo=",
  },
];

function requestOf(vector: WireVector): SignedRequest {
  return signedRequestFrom(vector.method, vector.target, vector.headers);
}

function signatureOf(vector: WireVector): string {
  return vector.authorization.slice(`SharedKey ${DEV_ACCOUNT_NAME}:`.length);
}

function verifies(request: SignedRequest, signature: string, key = DEV_ACCOUNT_KEY): boolean {
  return verifySharedKey(request, DEV_ACCOUNT_NAME, key, signature);
}

function vector(name: string): WireVector {
  const found = vectors.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no vector named ${name}`);
  return found;
}

/** Replaces the character at `index` with another one that is valid in the same place. */
function flipCharacter(text: string, index: number): string {
  const char = text[index] ?? "";
  const replacement = /[0-9]/.test(char)
    ? String((Number(char) + 1) % 10)
    : char === "a"
      ? "b"
      : "a";
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe("verifySharedKey with requests signed by the official clients", () => {
  it.each(vectors.map((v) => [v.name, v] as const))("accepts %s", (_, v) => {
    expect(verifies(requestOf(v), signatureOf(v))).toBe(true);
  });

  it.each(vectors.map((v) => [v.name, v] as const))("rejects any tampering with %s", (_, v) => {
    const request = requestOf(v);
    const signature = signatureOf(v);
    const [path, query = ""] = v.target.split(/\?(.*)/s);
    const pathFlipped = `${flipCharacter(path ?? "", 2)}?${query}`;
    expect(verifies(requestOf({ ...v, target: pathFlipped }), signature)).toBe(false);
    const versionAt = v.target.indexOf("api-version=") + "api-version=".length + 3;
    expect(
      verifies(requestOf({ ...v, target: flipCharacter(v.target, versionAt) }), signature),
    ).toBe(false);
    const ocpDate = v.headers["ocp-date"] ?? "";
    const redated = { ...v.headers, "ocp-date": flipCharacter(ocpDate, ocpDate.length - 5) };
    expect(verifies(requestOf({ ...v, headers: redated }), signature)).toBe(false);
    expect(verifies(request, signature, `B${DEV_ACCOUNT_KEY.slice(1)}`)).toBe(false);
    expect(verifies(request, flipCharacter(signature, 10))).toBe(false);
    expect(verifies(request, `${signature} `)).toBe(false);
    expect(verifies(request, "")).toBe(false);
    expect(verifySharedKey(request, "otheraccount", DEV_ACCOUNT_KEY, signature)).toBe(false);
  });

  it("rejects a changed method, content type or conditional header", () => {
    const add = vector("az: add a task (POST with a JSON body)");
    expect(verifies(requestOf({ ...add, method: "PUT" }), signatureOf(add))).toBe(false);
    const otherType = { ...add.headers, "Content-Type": "application/json" };
    expect(verifies(requestOf({ ...add, headers: otherType }), signatureOf(add))).toBe(false);
    const longer = { ...add.headers, "Content-Length": "39" };
    expect(verifies(requestOf({ ...add, headers: longer }), signatureOf(add))).toBe(false);
    const get = vector("az: get with $select=id%2Cstate and If-None-Match");
    const etag = { ...get.headers, "If-None-Match": '"0x2"' };
    expect(verifies(requestOf({ ...get, headers: etag }), signatureOf(get))).toBe(false);
    const jsGet = vector("@azure/batch: get (GET carrying a content-type)");
    const { "content-type": _, ...withoutType } = jsGet.headers;
    expect(verifies(requestOf({ ...jsGet, headers: withoutType }), signatureOf(jsGet))).toBe(false);
  });

  it("rejects a signature when an unsigned query parameter is added", () => {
    const get = vector("az: get with $select=id%2Cstate and If-None-Match");
    expect(
      verifies(requestOf({ ...get, target: `${get.target}&$expand=stats` }), signatureOf(get)),
    ).toBe(false);
  });
});

describe("stringsToSign", () => {
  it("produces the documented string for a bodyless POST from @azure/batch", () => {
    const terminate = vector("@azure/batch: terminate (bodyless POST, Content-Length: 0)");
    expect(stringsToSign(requestOf(terminate), DEV_ACCOUNT_NAME)).toContain(
      "POST\n\n\n0\n\napplication/json; charset=utf-8\n\n\n\n\n\n\nocp-date:Sat, 28 Nov 2026 14:18:03 GMT\n/devaccount/jobs/j1/tasks/t1/terminate\napi-version:2022-10-01.16.0",
    );
  });

  it("keeps the path percent-encoded and decodes query values", () => {
    const [first] = stringsToSign(
      requestOf(vector("az: list with $filter (%20, %27) and $select")),
      DEV_ACCOUNT_NAME,
    );
    expect(first).toMatch(
      /\n\/devaccount\/jobs\/j1\/tasks\n\$filter:state eq 'active'\n\$select:id,state\napi-version:2022-10-01.16.0\nmaxresults:1000\ntimeout:30$/,
    );
    const [probe] = stringsToSign(
      requestOf(vector("az: ids with %25 and %C3%A4 in the path")),
      DEV_ACCOUNT_NAME,
    );
    expect(probe).toContain("\n/devaccount/jobs/j%251/tasks/t%C3%A4\n");
  });

  it("signs the If-None-Match line and the ocp-date header in their places", () => {
    const [first] = stringsToSign(
      requestOf(vector("az: get with $select=id%2Cstate and If-None-Match")),
      DEV_ACCOUNT_NAME,
    );
    expect(first?.split("\n").slice(0, 13)).toEqual([
      "GET",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      '"0x1"',
      "",
      "",
      "ocp-date:Sat, 28 Nov 2026 14:17:59 GMT",
    ]);
  });

  // Each client verifies under one rule only, so both variants must be on offer.
  it.each([
    ["az: empty query value (dropped), + and %2B", "\nplus:a+b\nsp:a b\ntimeout:30", false],
    ["@azure/batch: empty query value (kept), + and %2B", "\nempty:\nplus:a+b\nsp:a b", true],
  ])("offers the variant that %s signed", (name, expectedTail, keepsEmpty) => {
    const v = vector(name);
    const candidates = stringsToSign(requestOf(v), DEV_ACCOUNT_NAME);
    const matching = candidates.filter(
      (candidate) => computeSharedKeySignature(candidate, DEV_ACCOUNT_KEY) === signatureOf(v),
    );
    expect(matching).toHaveLength(1);
    expect(matching[0]?.endsWith(expectedTail)).toBe(true);
    expect(matching[0]?.includes("\nempty:")).toBe(keepsEmpty);
  });

  it("offers both spellings of an empty body's Content-Length, and only the sent one otherwise", () => {
    const remove = vector("@azure/batch: delete (DELETE without Content-Length)");
    const lengthLines = (v: WireVector) =>
      stringsToSign(requestOf(v), DEV_ACCOUNT_NAME).map((candidate) => candidate.split("\n")[3]);
    expect(lengthLines(remove)).toEqual(["", "0"]);
    expect(lengthLines(vector("az: delete (DELETE with Content-Length: 0)"))).toEqual(["", "0"]);
    expect(lengthLines(vector("az: add a task (POST with a JSON body)"))).toEqual(["38"]);
  });

  it("signs every ocp-* header, sorted, lower-cased and skipping empty values", () => {
    const request = signedRequestFrom("GET", "/jobs", {
      "OCP-Zeta": "z",
      "ocp-date": "Sat, 28 Nov 2026 14:17:57 GMT",
      "ocp-empty": "",
      "x-ocp-ignored": "1",
    });
    const [first] = stringsToSign(request, DEV_ACCOUNT_NAME);
    expect(first).toMatch(
      /\nocp-date:Sat, 28 Nov 2026 14:17:57 GMT\nocp-zeta:z\n\/devaccount\/jobs$/,
    );
  });

  it("falls back to ocp-date when the request cannot list its header names", () => {
    const request: SignedRequest = {
      method: "get",
      rawPath: "",
      rawQuery: "",
      header: (name) => (name === "ocp-date" ? "Sat, 28 Nov 2026 14:17:57 GMT" : undefined),
    };
    expect(stringsToSign(request, DEV_ACCOUNT_NAME)).toContain(
      "GET\n\n\n\n\n\n\n\n\n\n\n\nocp-date:Sat, 28 Nov 2026 14:17:57 GMT\n/devaccount/",
    );
  });
});

describe("sharedKeyAuthorization", () => {
  it("signs like the clients do", () => {
    const add = vector("az: add a task (POST with a JSON body)");
    expect(sharedKeyAuthorization(requestOf(add), DEV_ACCOUNT_NAME, DEV_ACCOUNT_KEY)).toBe(
      add.authorization,
    );
    const list = vector("@azure/batch: list with $filter, $select and maxresults");
    expect(sharedKeyAuthorization(requestOf(list), DEV_ACCOUNT_NAME, DEV_ACCOUNT_KEY)).toBe(
      list.authorization,
    );
  });
});
