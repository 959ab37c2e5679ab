import { describe, expect, it } from "vitest";
import { FAULT_KINDS, FaultOptionsError, resolveFaultOptions } from "./fault-options.js";

describe("resolveFaultOptions", () => {
  it("fills the defaults: 10% of every operation, every kind alike, at most 3 in a row", () => {
    const resolved = resolveFaultOptions({ seed: 5 });
    expect(resolved.seed).toBe(5);
    expect(resolved.maxConsecutive).toBe(3);
    expect(resolved.rules.size).toBe(15);
    expect(resolved.rules.get("Task_Get")).toEqual({
      rate: 0.1,
      weights: FAULT_KINDS.map((kind) => [kind, 1]),
      latencyMs: [50, 500],
      retryAfterSeconds: 1,
      taskErrorRate: 0.25,
    });
  });

  it("picks a random seed when none is given, and reports it", () => {
    const seeds = new Set(Array.from({ length: 5 }, () => resolveFaultOptions().seed));
    expect(seeds.size).toBeGreaterThan(1);
    for (const seed of seeds) expect(Number.isInteger(seed)).toBe(true);
  });

  it("keeps only the kinds given a positive weight, in a fixed order", () => {
    const rules = resolveFaultOptions({ kinds: { "drop-after": 2, "503": 1, "429": 0 } }).rules;
    expect(rules.get("Task_Add")!.weights).toEqual([
      ["503", 1],
      ["drop-after", 2],
    ]);
  });

  it("targets only the listed operations when no global rate is given", () => {
    const rules = resolveFaultOptions({
      kinds: { "503": 1 },
      operations: { Task_AddCollection: { kinds: { "task-servererror": 1 } }, Task_Add: {} },
    }).rules;
    expect(rules.get("Task_AddCollection")).toMatchObject({
      rate: 0.1,
      weights: [["task-servererror", 1]],
    });
    expect(rules.get("Task_Add")).toMatchObject({ rate: 0.1, weights: [["503", 1]] });
    expect(rules.get("Task_Get")!.rate).toBe(0);
    expect(rules.get("Job_Add")!.rate).toBe(0);
  });

  it("lets an operation override the global rules field by field", () => {
    const rules = resolveFaultOptions({
      rate: 0.2,
      latencyMs: 30,
      retryAfterSeconds: 4,
      operations: { Task_List: { rate: 1, latencyMs: [1, 2] } },
    }).rules;
    expect(rules.get("Task_List")).toMatchObject({
      rate: 1,
      latencyMs: [1, 2],
      retryAfterSeconds: 4,
    });
    expect(rules.get("Task_Get")).toMatchObject({ rate: 0.2, latencyMs: [30, 30] });
  });

  it.each([
    [{ rate: 1.5 }, "faults.rate must be a number between 0 and 1, not 1.5"],
    [{ rate: Number.NaN }, "faults.rate must be a number between 0 and 1"],
    [{ seed: 1.5 }, "faults.seed must be an integer"],
    [{ maxConsecutive: 0 }, "faults.maxConsecutive must be an integer of 1 or more, not 0"],
    [{ kinds: { "404": 1 } }, "faults.kinds key must be one of 500, 503, 429"],
    [{ kinds: { "503": -1 } }, "faults.kinds.503 must be a weight of 0 or more, not -1"],
    [{ kinds: [] }, "faults.kinds must be an object of weights by kind"],
    [{ latencyMs: [5, 1] }, "faults.latencyMs must be a number of ms"],
    [{ latencyMs: -1 }, "faults.latencyMs must be a number of ms"],
    [{ retryAfterSeconds: 0.5 }, "faults.retryAfterSeconds must be an integer of 0 or more"],
    [{ taskErrorRate: 2 }, "faults.taskErrorRate must be a number between 0 and 1"],
    [{ operations: { Task_Nope: {} } }, "faults.operations key must be an operation id"],
    [{ operations: { Task_Add: { rate: -1 } } }, "faults.operations.Task_Add.rate must be"],
    [{ operations: { Task_Add: 1 } }, "faults.operations.Task_Add must be an object, not 1"],
  ])("refuses %j with a clear message", (options, message) => {
    expect(() => resolveFaultOptions(options as never)).toThrow(FaultOptionsError);
    expect(() => resolveFaultOptions(options as never)).toThrow(message);
  });
});
