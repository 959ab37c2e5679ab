// @ts-check
// The benchmark's server, run as its own process so that its CPU never mixes with the client
// CPU measured in the contenders' processes. Its answers are canned: every body is rendered once,
// at start-up, by @batch/testing's service (so shapes and sizes are the emulator's), and served
// from memory. Each request's Shared Key signature is still verified with @batch/testing's
// authenticate, so a contender that signs wrongly fails instead of looking fast.
//
// Prints one JSON line when ready: { url, account, key, getJob, getTask, listJob, listCount }
// (the account is the emulator's published development one).
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import {
  authenticate,
  createBatchService,
  DEV_ACCOUNT_KEY,
  DEV_ACCOUNT_NAME,
  signedRequestFrom,
} from "@batch/testing";
import { benchTask } from "./tasks.mjs";

const listCount = Number(process.env.BENCH_LIST_TASKS ?? 100_000);
const pageSize = 1000;
const auth = { accountName: DEV_ACCOUNT_NAME, accountKey: DEV_ACCOUNT_KEY };

const server = createServer({ keepAliveTimeout: 60_000 });
await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
const address = server.address();
if (address === null || typeof address === "string") throw new Error("no address");
const url = `http://127.0.0.1:${address.port}`;

// Render the canned bodies with the emulator's own service.
const service = createBatchService({ baseUrl: url, executor: "manual" });
const listJob = "bench-list";
service.addJob({ id: listJob, poolInfo: { poolId: "pool" } });
for (let i = 0; i < listCount; i += 100) {
  const chunk = [];
  for (let j = i; j < Math.min(i + 100, listCount); j++) chunk.push(benchTask(j));
  service.addTaskCollection(listJob, { value: chunk });
}
// A realistic mix of states: a third running, a third completed (some failed).
for (let i = 0; i < listCount; i += 3) {
  const id = benchTask(i).id;
  service.startTask(listJob, id);
  if (i % 2 === 0) service.completeTask(listJob, id, { exitCode: i % 10 === 0 ? 1 : 0 });
}
const getJob = listJob;
const getTask = benchTask(0).id;
const taskBody = JSON.stringify({
  "odata.metadata": `${url}/$metadata#tasks/@Element`,
  ...service.getTask(getJob, getTask).body,
});
const taskHeaders = { etag: "0x8DD2F0D9E5C3A11", "last-modified": "Sat, 28 Nov 2026 14:18:03 GMT" };

/**
 * Pages by skip token ("" for the first): the body without its closing brace (the nextLink,
 * which repeats the query the client sent, is added per request) and the next page's token.
 */
const pages = new Map();
{
  let skipToken;
  do {
    const result = service.listTasks(listJob, { maxResults: pageSize, skipToken });
    const body = JSON.stringify({
      "odata.metadata": `${url}/$metadata#tasks`,
      value: result.value,
    });
    pages.set(skipToken ?? "", { head: body.slice(0, -1), next: result.continuationToken });
    skipToken = result.continuationToken;
  } while (skipToken !== undefined);
}
service.dispose();

const jsonType = "application/json;odata=minimalmetadata";

function send(res, status, body, headers = {}) {
  const bytes = body === undefined ? undefined : Buffer.from(body);
  res.writeHead(status, {
    "request-id": randomUUID(),
    dataserviceversion: "3.0",
    ...(bytes ? { "content-type": jsonType, "content-length": bytes.byteLength } : {}),
    ...headers,
  });
  res.end(bytes);
}

function error(res, status, code, message) {
  send(
    res,
    status,
    JSON.stringify({
      "odata.metadata": `${url}/$metadata#errors/@Element`,
      code,
      message: { lang: "en-US", value: message },
    }),
  );
}

function nextLinkFor(target, token) {
  const query = new URLSearchParams(target.slice(target.indexOf("?") + 1));
  query.set("$skiptoken", token);
  return `${url}/jobs/${listJob}/tasks?${query.toString().replace(/%24/g, "$")}`;
}

server.on("request", (req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const target = req.url ?? "/";
    const verdict = authenticate(signedRequestFrom(req.method ?? "GET", target, req.headers), auth);
    if (!verdict.ok) return error(res, verdict.status, verdict.code, verdict.message);
    const path = target.split("?")[0] ?? "";
    const parts = path.split("/").map(decodeURIComponent);
    // /jobs/{job}/tasks/{task}
    if (req.method === "GET" && parts.length === 5 && parts[3] === "tasks") {
      if (parts[2] !== getJob || parts[4] !== getTask)
        return error(res, 404, "TaskNotFound", "The specified task does not exist.");
      return send(res, 200, taskBody, taskHeaders);
    }
    // /jobs/{job}/tasks
    if (req.method === "GET" && parts.length === 4 && parts[3] === "tasks") {
      const query = new URLSearchParams(target.slice(target.indexOf("?") + 1));
      const max = query.get("maxresults");
      if (parts[2] !== listJob || (max !== null && max !== String(pageSize))) {
        return error(
          res,
          400,
          "InvalidQueryParameterValue",
          `the bench serves ${listJob} in pages of ${pageSize}`,
        );
      }
      const page = pages.get(query.get("$skiptoken") ?? "");
      if (page === undefined)
        return error(res, 400, "InvalidQueryParameterValue", "unknown $skiptoken");
      const { head, next } = page;
      const link =
        next === undefined ? "" : `,"odata.nextLink":${JSON.stringify(nextLinkFor(target, next))}`;
      return send(res, 200, `${head}${link}}`);
    }
    // /jobs/{job}/addtaskcollection
    if (req.method === "POST" && parts.length === 4 && parts[3] === "addtaskcollection") {
      let value;
      try {
        value = JSON.parse(Buffer.concat(chunks).toString("utf8")).value;
      } catch {
        return error(res, 400, "InvalidRequestBody", "not JSON");
      }
      if (!Array.isArray(value) || value.length === 0 || value.length > 100) {
        return error(res, 400, "InvalidPropertyValue", "1 to 100 tasks");
      }
      const results = value.map((task) => ({
        status: "success",
        taskId: task.id,
        eTag: "0x8DD2F0D9E5C3A12",
        lastModified: "2026-11-28T14:18:03.000Z",
        location: `${url}/jobs/${parts[2]}/tasks/${task.id}`,
      }));
      return send(
        res,
        200,
        JSON.stringify({ "odata.metadata": `${url}/$metadata#taskaddresult`, value: results }),
      );
    }
    return error(res, 404, "ResourceNotFound", `no canned answer for ${req.method} ${path}`);
  });
});

process.stdout.write(
  `${JSON.stringify({ url, account: DEV_ACCOUNT_NAME, key: DEV_ACCOUNT_KEY, getJob, getTask, listJob, listCount })}\n`,
);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
