import type { JobAddParameter, TaskAddParameter, TaskUpdateParameter } from "@batch/types";
import { describe, expect, it } from "vitest";
import { empty, scriptedFetch, testClient } from "../test-support/scripted-fetch.js";
import { jsonBody } from "./json-body.js";

const circular = (): Record<string, unknown> => {
  const value: Record<string, unknown> = { id: "t1", commandLine: "echo" };
  value.self = value;
  return value;
};

describe("jsonBody", () => {
  it("serializes, and refuses what JSON cannot hold with a client InvalidRequestBody", () => {
    expect(jsonBody({ a: 1 }, "Task_Add")).toBe('{"a":1}');
    for (const value of [{ n: 1n }, circular()]) {
      expect(() => jsonBody(value, "Task_Add")).toThrow(
        expect.objectContaining({
          name: "BatchError",
          kind: "client",
          code: "InvalidRequestBody",
          operation: "Task_Add",
          message: "the request body cannot be serialized to JSON",
          cause: expect.any(TypeError),
        }),
      );
    }
  });

  it("every operation with a body rejects an unserializable one with it, sending nothing", async () => {
    const fetch = scriptedFetch(() => empty(201));
    const client = testClient(fetch);
    const task = { id: "t1", commandLine: "echo", big: 1n } as unknown as TaskAddParameter;
    const calls: [string, () => Promise<unknown>][] = [
      ["Task_Add", () => client.tasks.add("j1", task)],
      ["Task_AddCollection", () => client.tasks.addCollection("j1", [task])],
      [
        "Task_Update",
        () => client.tasks.update("j1", "t1", circular() as unknown as TaskUpdateParameter),
      ],
      ["Job_Add", () => client.jobs.add(circular() as unknown as JobAddParameter)],
      [
        "Job_Terminate",
        () => client.jobs.terminate("j1", { terminateReason: 1n as unknown as string }),
      ],
    ];
    for (const [operation, call] of calls) {
      await expect(call()).rejects.toMatchObject({
        name: "BatchError",
        kind: "client",
        code: "InvalidRequestBody",
        operation,
      });
    }
    expect(fetch.calls).toHaveLength(0);
  });
});
