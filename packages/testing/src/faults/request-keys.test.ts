import { describe, expect, it } from "vitest";
import type { OperationCall } from "../http/operation-middleware.js";
import { parseQuery } from "../http/request-context.js";
import { requestKeys, taskKey } from "./request-keys.js";

function callOf(
  operation: OperationCall["operation"],
  target: string,
  body: unknown,
  headers: Record<string, string> = {},
): OperationCall {
  const url = new URL(target, "http://127.0.0.1:1");
  return {
    operation,
    request: new Request(url, { method: body === undefined ? "GET" : "POST", headers }),
    requestId: "r",
    params: { jobId: "j" },
    query: parseQuery(url.search.slice(1)),
    conditions: undefined,
    body,
  };
}

const content = (keys: string[]) => keys.find((key) => key.startsWith("content:"));

describe("requestKeys", () => {
  it("knows a retry by its content, whatever its timeout or its tasks' order", () => {
    const tasks = [
      { id: "a", commandLine: "x" },
      { id: "b", commandLine: "y" },
    ];
    const first = requestKeys(
      callOf("Task_AddCollection", "/jobs/j/addtaskcollection?api-version=1&timeout=30", {
        value: tasks,
      }),
    );
    const again = requestKeys(
      callOf("Task_AddCollection", "/jobs/J/addtaskcollection?api-version=1", {
        value: [...tasks].reverse(),
      }),
    );
    expect(content(again)).toBe(content(first));
    const other = requestKeys(
      callOf("Task_AddCollection", "/jobs/j/addtaskcollection?api-version=1", {
        value: [tasks[0]],
      }),
    );
    expect(content(other)).not.toBe(content(first));
    expect(
      content(requestKeys(callOf("Task_List", "/jobs/j/tasks?api-version=1&$filter=x", undefined))),
    ).not.toBe(content(requestKeys(callOf("Task_List", "/jobs/j/tasks?api-version=1", undefined))));
  });

  it("copes with a body too deep to serialize again", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    const call = callOf("Task_Add", "/jobs/j/tasks?api-version=1", deep);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(content(requestKeys(call))).toBe(content(requestKeys(call)));
    const collection = callOf("Task_AddCollection", "/jobs/j/addtaskcollection", { value: [deep] });
    expect(content(requestKeys(collection))).toMatch(/^content:/);
  });

  it("adds the client request ids a retry may keep", () => {
    const keys = requestKeys(
      callOf("Task_Get", "/jobs/j/tasks/t?api-version=1", undefined, {
        "client-request-id": "c1",
        "x-ms-client-request-id": "x1",
      }),
    );
    expect(keys).toEqual([
      expect.stringMatching(/^content:/),
      "client-request-id:c1",
      "x-ms-client-request-id:x1",
    ]);
  });
});

describe("taskKey", () => {
  it("ignores letter case, as task and job ids do", () => {
    expect(taskKey("Job1", "TaskA")).toBe(taskKey("job1", "taska"));
    expect(taskKey("job1", "a")).not.toBe(taskKey("job2", "a"));
  });
});
