// Lists stream page by page, from the bundled file: the first page is on stdout before the
// service is even asked for the second, and a page that fails leaves well-formed output (the
// JSON array closed over what was printed) and one error line with the error's exit status.
import { once } from "node:events";
import type { Emulator, OperationMiddleware } from "@batch/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lines, runBatch, startBatch } from "../test-support/batch-process.js";
import { startTestEmulator } from "../test-support/test-emulator.js";

// Per job: hold its second page until released, or answer it with a 500.
const heldPages = new Map<string, { release: Promise<void>; asked: () => void }>();
const failingJobs = new Set<string>();

const pageTwoControl: OperationMiddleware = async (call, next) => {
  const job = call.params.jobId ?? "";
  if (call.operation !== "Task_List" || !call.query.has("$skiptoken")) return next();
  if (failingJobs.has(job)) {
    return Response.json(
      { code: "InternalError", message: { lang: "en-US", value: "page two is broken" } },
      { status: 500, headers: { "request-id": "0f0e0d0c-0000-4000-8000-000000000002" } },
    );
  }
  const held = heldPages.get(job);
  if (held !== undefined) {
    held.asked();
    await held.release;
  }
  return next();
};

let emulator: Emulator;
let env: Record<string, string>;

function addTasks(job: string, count: number): void {
  emulator.service.addJob({ id: job, poolInfo: { poolId: "p" } });
  for (let i = 0; i < count; i++) {
    emulator.service.addTask(job, { id: `t${i}`, commandLine: "x" });
  }
}

beforeAll(async () => {
  ({ emulator, env } = await startTestEmulator({ faults: pageTwoControl }));
});

afterAll(async () => {
  await emulator?.close();
});

describe("a list", () => {
  it("prints the first page before the second is asked for", async () => {
    addTasks("held", 4);
    let release = () => {};
    let pageTwoAsked = false;
    heldPages.set("held", {
      release: new Promise<void>((resolve) => {
        release = resolve;
      }),
      asked: () => {
        pageTwoAsked = true;
      },
    });
    const { child, stdout, result } = startBatch(
      ["task", "list", "--job-id", "held", "--max-results", "2", "-o", "ndjson"],
      { env },
    );
    child.stdin.end();
    // The second page stays held until both lines of the first are out: a CLI that gathered
    // every page before printing would never print them, and never end.
    while (lines(stdout()).length < 2) await once(child.stdout, "data");
    const firstPage = lines(stdout()).map((line) => (JSON.parse(line) as { id: string }).id);
    release();
    const { code } = await result;
    expect(firstPage).toEqual(["t0", "t1"]);
    expect(pageTwoAsked).toBe(true);
    expect(code).toBe(0);
    expect(lines(stdout()).map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([
      "t0",
      "t1",
      "t2",
      "t3",
    ]);
  });

  it("that fails on a later page leaves valid output and reports the error with its status", async () => {
    addTasks("broken", 5);
    failingJobs.add("broken");
    const list = ["task", "list", "--job-id", "broken", "--max-results", "2", "--max-retries", "0"];
    const [json, jsonc, ndjson, table, queried] = await Promise.all([
      runBatch([...list, "-o", "json"], { env }),
      runBatch([...list, "-o", "jsonc"], { env }),
      runBatch([...list, "-o", "ndjson"], { env }),
      runBatch([...list, "-o", "table"], { env }),
      runBatch([...list, "--query", "[].id"], { env }),
    ]);
    const errorLine =
      "error: InternalError: page two is broken (request-id 0f0e0d0c-0000-4000-8000-000000000002)";
    for (const run of [json, jsonc, ndjson, table]) {
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([
        `${errorLine}; the list is incomplete: 2 items printed before the error`,
      ]);
    }
    // With a query nothing was printed, so the line is the error alone.
    expect(queried.code).toBe(1);
    expect(lines(queried.stderr)).toEqual([errorLine]);
    // What was printed is the first page, well formed.
    expect((JSON.parse(json.stdout) as { id: string }[]).map((task) => task.id)).toEqual([
      "t0",
      "t1",
    ]);
    expect(JSON.parse(jsonc.stdout)).toEqual(JSON.parse(json.stdout));
    expect(lines(ndjson.stdout)).toHaveLength(2);
    expect(lines(table.stdout)).toHaveLength(4);
    // A query sees the whole list or nothing: nothing is printed.
    expect(queried.stdout).toBe("");
  });
});
