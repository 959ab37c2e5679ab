// Fuzzing the emulator over loopback with malformed requests (fast-check, seeded): odd methods
// and paths, garbage query options, bad or conflicting headers, broken, deep, huge or
// non-UTF-8 bodies, most of them correctly signed so they get past authentication. Every
// answer must be a valid success or a well-formed BatchError (never a 5xx without injected
// faults), and the emulator must keep serving.

import { Agent, request as httpRequest } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedKeyAuthorization } from "../auth/shared-key.js";
import { signedRequestFrom } from "../auth/signed-request.js";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "../dev-account.js";
import { ROUTES } from "../http/routes.js";
import { signedFetch } from "../http/signed-fetch.fixture.js";
import { type Emulator, startEmulator } from "./start-emulator.js";

const MB = 1024 * 1024;
// Fixed by default so CI runs are repeatable; FUZZ_SEED / FUZZ_RUNS explore further by hand.
const SEED = Number(process.env.FUZZ_SEED ?? 20250601);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SUCCESS = new Set([200, 201, 202, 204]);

interface FuzzRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  sign: boolean;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

// ---- pieces of requests ----

const garbageId = fc.oneof(
  fc.constantFrom("..", ".", "%2E%2E", "%2F", "a%2Fb", "%00", "%", "%zz", "%E0%A4%A", "%C3%28"),
  fc.constantFrom("a".repeat(65), "x".repeat(10_000), "%41".repeat(500)),
  fc.string({ maxLength: 80 }).map(encodeURIComponent),
);
const jobId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("job1", "JOB1", "nope") },
  { weight: 1, arbitrary: garbageId },
);
const taskId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("task1", "Task1", "mpi", "nope", "a_b-c") },
  { weight: 1, arbitrary: garbageId },
);
const id = fc.oneof(jobId, taskId);

// The operations' own shapes, most of the time, so requests reach the rules behind them.
const operationShape = fc
  .tuple(fc.constantFrom(...ROUTES), jobId, taskId)
  .map(([route, job, task]) => ({
    method: route.method as string,
    path: `/${route.segments
      .map((segment) => (segment === "{jobId}" ? job : segment === "{taskId}" ? task : segment))
      .join("/")}`,
  }));

const oddPath = fc.oneof(
  fc.constantFrom("/", "", "/jobs", "//jobs", "/jobs/", "/pools", "/jobs//tasks", "/$metadata"),
  id.map((j) => `/jobs/${j}`),
  fc
    .tuple(id, fc.constantFrom("tasks", "addtaskcollection", "taskcounts", "terminate", "TASKS"))
    .map(([j, leaf]) => `/jobs/${j}/${leaf}`),
  fc.tuple(id, id).map(([j, t]) => `/jobs/${j}/tasks/${t}`),
  fc
    .tuple(id, id, fc.constantFrom("subtasksinfo", "terminate", "reactivate", "extra/more", ".."))
    .map(([j, t, leaf]) => `/jobs/${j}/tasks/${t}/${leaf}`),
  fc.constantFrom("/jobs/../jobs", "/jobs/job1/tasks/../../jobs", "/jobs/job1/./tasks"),
);

const anyShape = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"),
  path: oddPath,
});

const shape = fc.oneof({ weight: 3, arbitrary: operationShape }, anyShape);

const queryValue = (values: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...values).map(encodeURIComponent),
    fc.string({ maxLength: 40 }).map(encodeURIComponent),
    fc.constantFrom("%", "%zz", "%FF", "a+b", "'", "%27%27%27"),
  );

const queryParameter = fc.oneof(
  queryValue(["2025-06-01", "2022-10-01.16.0", "2099-01-01", "", "2025-06-01 "]).map(
    (v) => `api-version=${v}`,
  ),
  queryValue([
    "state eq 'active'",
    "state eq",
    "((((",
    "id eq 'x' and",
    "startswith(id,",
    "exitCode gt 'a'",
    "executionInfo/exitCode eq 0",
    "nope eq 1",
    "creationTime gt datetime'garbage'",
    "not not not",
    `id eq '${"q".repeat(5000)}'`,
  ]).map((v) => `$filter=${v}`),
  queryValue(["id,state", "id,,", "nope", "*", "", "id,executionInfo/exitCode"]).map(
    (v) => `$select=${v}`,
  ),
  queryValue(["0", "1001", "-1", "1e3", "abc", "5", "99999999999999999999"]).map(
    (v) => `maxresults=${v}`,
  ),
  queryValue(["abc", "-5", "30", "1e100", "0"]).map((v) => `timeout=${v}`),
  queryValue(["abc", "-1", "99999999999999999999", "0", "1.5"]).map((v) => `$skiptoken=${v}`),
  queryValue(["stats", "x", ""]).map((v) => `$expand=${v}`),
  queryValue(["true", "maybe"]).map((v) => `force=${v}`),
  fc.constantFrom("api-version", "=", "&", "a=b=c", "%zz=1"),
);

const apiVersion = fc.oneof(
  { weight: 6, arbitrary: fc.constant(["api-version=2025-06-01"]) },
  { weight: 1, arbitrary: fc.constant([]) },
);

const query = fc
  .tuple(apiVersion, fc.array(queryParameter, { maxLength: 4 }))
  .map(([version, parts]) => [...version, ...parts].join("&"));

const printable = (maxLength: number) => fc.string({ maxLength });
const httpDate = fc.constantFrom(
  new Date().toUTCString(),
  "Mon, 01 Jan 1990 00:00:00 GMT",
  "yesterday",
  "",
  "Tue, 31 Feb 2025 99:99:99 GMT",
);

const conditionalHeaders = fc.record(
  {
    "If-Match": fc.constantFrom("*", '"0x1"', "0x8DC000000000002", "garbage"),
    "If-None-Match": fc.constantFrom("*", '"0x1"', "0x8DC000000000002", ""),
    "If-Modified-Since": httpDate,
    "If-Unmodified-Since": httpDate,
  },
  { requiredKeys: [] },
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; odata=minimalmetadata; charset=utf-8",
  "text/plain",
  "application/xml",
  "application/json; charset=latin1",
  "",
  "multipart/form-data; boundary=x",
  "application/json;odata=verbose",
);

const otherHeaders = fc.record(
  {
    "Content-Type": contentType,
    "client-request-id": fc.oneof(fc.uuid(), printable(40)),
    "return-client-request-id": fc.constantFrom("true", "false", "maybe", "TRUE"),
    Date: httpDate,
    "ocp-extra": printable(20),
    Accept: fc.constantFrom("application/json", "text/html", "*/*"),
  },
  { requiredKeys: [] },
);

const validTask = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  commandLine: printable(50),
});

function deep(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

const body = fc
  .oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    fc.constantFrom("", "{", "nul", "{'a':1}", "[1,2", '{"id":', "\u0000", "{}", "[]"),
    fc.constantFrom("null", "true", "42", '"text"', '{"value":"x"}', '{"value":[1,2,3]}'),
    fc.constantFrom(
      '{"id":5,"commandLine":[]}',
      '{"id":"t","commandLine":"x","constraints":{"maxTaskRetryCount":"many"}}',
      '{"id":"t","commandLine":"x","dependsOn":{"taskIdRanges":[{"start":5,"end":1}]}}',
      '{"id":"t","commandLine":"x","multiInstanceSettings":{"numberOfInstances":-1}}',
      '{"constraints":{"maxWallClockTime":"forever"}}',
      '{"id":"j","poolInfo":"p"}',
    ),
    fc.constantFrom(deep(5_000), deep(100_000), `{"a":${"{".repeat(50_000)}`),
    fc.constantFrom(
      JSON.stringify({ id: "x".repeat(100_000), commandLine: "y" }),
      JSON.stringify({ id: "big", commandLine: "c".repeat(600_000) }),
      JSON.stringify({
        value: Array.from({ length: 101 }, (_, i) => ({ id: `t${i}`, commandLine: "x" })),
      }),
    ),
    { weight: 1, arbitrary: fc.constant("x".repeat(MB + 100)) },
    fc.array(validTask, { maxLength: 5 }).map((value) => JSON.stringify({ value })),
    validTask.map((task) => JSON.stringify(task)),
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  )
  .map((text) => (text === undefined ? undefined : Buffer.from(text, "utf8")));

const nonUtf8Body = fc.constantFrom(
  Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
  Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  Buffer.from([0xed, 0xa0, 0x80]),
);

const authorization = fc.constantFrom(
  "SharedKey",
  "SharedKey devaccount",
  "SharedKey devaccount:",
  "SharedKey other:abc=",
  "SharedKey devaccount:!!!notbase64",
  "Bearer x",
  "Basic ZGV2OmtleQ==",
  "",
);

// Mostly a current date, so most signed requests get past authentication.
const ocpDate = fc.oneof(
  { weight: 8, arbitrary: fc.constant(new Date().toUTCString()) },
  { weight: 1, arbitrary: fc.option(httpDate, { nil: undefined }) },
);

const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    date: ocpDate,
    shape,
    query,
    conditions: fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, conditionalHeaders),
    others: otherHeaders,
    body: fc.oneof({ weight: 6, arbitrary: body }, { weight: 1, arbitrary: nonUtf8Body }),
    auth: fc.oneof({ weight: 5, arbitrary: fc.constant("sign") }, authorization),
  })
  .map(({ shape: { method, path: p }, query: q, date, conditions, others, body: b, auth }) => {
    const headers: Record<string, string> = { ...conditions, ...others };
    if (date !== undefined) headers["ocp-date"] = date;
    if (b !== undefined) headers["Content-Length"] = String(b.length);
    if (auth !== "sign" && auth !== "") headers.Authorization = auth;
    return {
      method,
      target: `${p || "/"}${q === "" ? "" : `?${q}`}`,
      headers,
      body: b,
      sign: auth === "sign",
    };
  });

// ---- sending and checking ----

function send(url: string, agent: Agent, fuzz: FuzzRequest): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const headers = { ...fuzz.headers };
  if (fuzz.sign) {
    headers.Authorization = sharedKeyAuthorization(
      signedRequestFrom(fuzz.method, fuzz.target, headers),
      DEV_ACCOUNT_NAME,
      DEV_ACCOUNT_KEY,
    );
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { hostname, port, path: fuzz.target, method: fuzz.method, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(fuzz.body);
  });
}

function checkAnswer(fuzz: FuzzRequest, answer: Answer): void {
  const context = `${fuzz.method} ${fuzz.target.slice(0, 200)} → ${answer.status} ${answer.body.toString("utf8").slice(0, 300)}`;
  expect(answer.status, context).toBeGreaterThanOrEqual(200);
  expect(answer.status, context).toBeLessThan(500);
  expect(answer.headers["request-id"], context).toMatch(UUID);
  if (answer.status >= 400) {
    if (fuzz.method === "HEAD") return;
    expect(answer.headers["content-type"], context).toBe("application/json;odata=minimalmetadata");
    const error = JSON.parse(answer.body.toString("utf8"));
    expect(typeof error.code, context).toBe("string");
    expect(error.code.length, context).toBeGreaterThan(0);
    expect(typeof error.message?.value, context).toBe("string");
    expect(error.message.lang, context).toBe("en-US");
    return;
  }
  if (answer.status === 304) {
    expect(answer.body.length, context).toBe(0);
    return;
  }
  expect(SUCCESS.has(answer.status), context).toBe(true);
  if (answer.body.length > 0 && fuzz.method !== "HEAD") {
    expect(() => JSON.parse(answer.body.toString("utf8")), context).not.toThrow();
  }
}

describe("the emulator under malformed requests", () => {
  let emulator: Emulator;
  let agent: Agent;

  /** The job and tasks the requests aim at, put back when a request deleted them. */
  function seed(): void {
    const { service } = emulator;
    const has = (read: () => unknown) => {
      try {
        read();
        return true;
      } catch {
        return false;
      }
    };
    if (!has(() => service.getJob("job1"))) {
      service.addJob({ id: "job1", poolInfo: { poolId: "pool1" } });
    }
    if (service.getJob("job1").body.state !== "active") return;
    if (!has(() => service.getTask("job1", "task1"))) {
      service.addTask("job1", { id: "task1", commandLine: "x" });
    }
    if (!has(() => service.getTask("job1", "mpi"))) {
      service.addTask("job1", {
        id: "mpi",
        commandLine: "x",
        multiInstanceSettings: { numberOfInstances: 2, coordinationCommandLine: "c" },
      });
    }
  }

  beforeAll(async () => {
    // Job deletion completes at once, so a deleted job1 can be put back for the next request.
    emulator = await startEmulator({ executor: "manual" });
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });

  afterAll(async () => {
    agent.destroy();
    await emulator.close();
  });

  it("answers every request with a success or a well-formed BatchError, and keeps serving", {
    timeout: 120_000,
  }, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (fuzz) => {
        seed();
        const answer = await send(emulator.url, agent, fuzz);
        checkAnswer(fuzz, answer);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    const count = (test: (status: number) => boolean) =>
      [...statuses].reduce((sum, [status, n]) => sum + (test(status) ? n : 0), 0);
    expect(count(() => true)).toBe(RUNS);
    // The run reaches past authentication, to successes and to many kinds of refusal.
    expect(count((status) => status !== 403)).toBeGreaterThan(150);
    expect(count((status) => status < 300)).toBeGreaterThan(5);
    expect(statuses.size).toBeGreaterThanOrEqual(6);

    // Still serving: a normal request on a fresh connection works, and so does a change.
    const job = await signedFetch(`${emulator.url}/jobs?api-version=2025-06-01`, {
      method: "POST",
      json: { id: "after-fuzz", poolInfo: { poolId: "pool1" } },
    });
    expect(job.status).toBe(201);
    const got = await signedFetch(`${emulator.url}/jobs/after-fuzz?api-version=2025-06-01`);
    expect(got.status).toBe(200);
    expect((await got.json()).id).toBe("after-fuzz");
  });

  it("answers 5xx, 429 or nothing only where a fault was injected", {
    timeout: 120_000,
  }, async () => {
    const faulty = await startEmulator({
      executor: "manual",
      faults: { rate: 0.3, seed: 7, latencyMs: 1, retryAfterSeconds: 0 },
    });
    const faultyAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const injector = faulty.faults!;
      faulty.service.addJob({ id: "job1", poolInfo: { poolId: "pool1" } });
      await fc.assert(
        fc.asyncProperty(fuzzRequest, async (fuzz) => {
          const before = injector.events().length;
          const answer = await send(faulty.url, faultyAgent, fuzz).catch(
            (error: NodeJS.ErrnoException) => error,
          );
          const event = injector.events()[before];
          if (answer instanceof Error) {
            expect(event?.kind, `${fuzz.method} ${fuzz.target}: ${answer.code}`).toMatch(/^drop-/);
            return;
          }
          if (event?.kind === "500" || event?.kind === "503" || event?.kind === "429") {
            expect(answer.status).toBe(Number(event.kind));
            expect(JSON.parse(answer.body.toString("utf8")).code).toBe(event.code);
            expect(answer.headers["request-id"]).toBe(event.requestId);
            return;
          }
          expect(event?.kind ?? "none").not.toMatch(/^drop-/);
          checkAnswer(fuzz, answer);
        }),
        { seed: SEED + 1, numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
      );
      expect(injector.stats().faulted).toBeGreaterThan(10);
      // Still serving: no request is faulted more than 3 times in a row, so the 4th gets through.
      const statuses: (number | string)[] = [];
      while (statuses.at(-1) !== 200 && statuses.length < 4) {
        const response = await signedFetch(`${faulty.url}/jobs?api-version=2025-06-01`).catch(
          () => undefined,
        );
        statuses.push(response?.status ?? "dropped");
      }
      expect(statuses.at(-1)).toBe(200);
    } finally {
      faultyAgent.destroy();
      await faulty.close();
    }
  });
});
