import { describe, expect, it } from "vitest";
import { createBatchService, DEFAULT_LIMITS, formatFilter, formatLiteral } from "./index.js";

describe("the public entry", () => {
  it("offers formatFilter and formatLiteral to build $filter text safely", () => {
    const service = createBatchService();
    service.addJob({ id: "job", poolInfo: { poolId: "p" } });
    service.addTask("job", { id: "a", displayName: "it's", commandLine: "x" });
    service.addTask("job", { id: "b", commandLine: "x" });
    const filter = formatFilter({
      kind: "or",
      left: { kind: "compare", property: "id", op: "eq", value: { type: "string", value: "a" } },
      right: { kind: "startswith", property: "id", value: "b" },
    });
    expect(filter).toBe("id eq 'a' or startswith(id, 'b')");
    expect(service.listTasks("job", { filter }).value.map((task) => task.id)).toEqual(["a", "b"]);
    expect(formatLiteral({ type: "string", value: "it's" })).toBe("'it''s'");
    service.dispose();
  });

  it("exports the service limits every layer takes its numbers from", () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxTasksPerCollection: 100,
      maxRequestBodyBytes: 1024 * 1024,
      maxPageSize: 1000,
    });
    expect(createBatchService().limits).toEqual(DEFAULT_LIMITS);
  });
});
