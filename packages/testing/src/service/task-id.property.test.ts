// Property tests of the id rules: letters, digits, '-' and '_', 1 to 64 of them, unique within
// the job ignoring case, with the case given kept.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBatchService } from "./batch-service.js";
import { ServiceError } from "./service-error.js";

const ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".split("");
const validId = fc
  .array(fc.constantFrom(...ID_CHARS), { minLength: 1, maxLength: 64 })
  .map((c) => c.join(""));

const invalidId = fc.oneof(
  fc.constant(""),
  fc.array(fc.constantFrom(...ID_CHARS), { minLength: 65, maxLength: 80 }).map((c) => c.join("")),
  fc
    .tuple(
      fc.array(fc.constantFrom(...ID_CHARS), { maxLength: 30 }),
      fc.string({ minLength: 1, maxLength: 3 }).filter((s) => /[^A-Za-z0-9_-]/.test(s)),
      fc.array(fc.constantFrom(...ID_CHARS), { maxLength: 30 }),
    )
    .map(([a, bad, b]) => a.join("") + bad + b.join("")),
);

function newJob() {
  const service = createBatchService();
  service.addJob({ id: "job", poolInfo: { poolId: "p" } });
  return service;
}

function codeOf(action: () => unknown): string {
  try {
    action();
    return "ok";
  } catch (error) {
    if (error instanceof ServiceError) return error.code;
    throw error;
  }
}

describe("task and job ids", () => {
  it("accepts every valid id and keeps its case", () => {
    const service = newJob();
    fc.assert(
      fc.property(validId, (id) => {
        if (service.listTasks("job", { filter: `id eq '${id}'` }).value.length > 0) return;
        service.addTask("job", { id, commandLine: "x" });
        expect(service.getTask("job", id.toUpperCase()).body.id).toBe(id);
        expect(codeOf(() => service.addJob({ id, poolInfo: { poolId: "p" } }))).toMatch(
          /^(ok|JobExists)$/,
        );
      }),
    );
  });

  it("refuses every invalid id with InvalidPropertyValue naming id", () => {
    const service = newJob();
    fc.assert(
      fc.property(invalidId, (id) => {
        try {
          service.addTask("job", { id, commandLine: "x" });
        } catch (error) {
          expect(error).toBeInstanceOf(ServiceError);
          const serviceError = error as ServiceError;
          expect(serviceError.code).toBe("InvalidPropertyValue");
          expect(serviceError.values).toContainEqual({ key: "PropertyName", value: "id" });
          return;
        }
        throw new Error(`accepted ${JSON.stringify(id)}`);
      }),
    );
  });

  it("treats ids differing only in case as the same task", () => {
    fc.assert(
      fc.property(
        validId.filter((id) => /[a-z]/i.test(id)),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        (id, flips) => {
          const variant = [...id]
            .map((c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase()))
            .join("");
          const service = newJob();
          service.addTask("job", { id, commandLine: "first" });
          expect(codeOf(() => service.addTask("job", { id: variant, commandLine: "second" }))).toBe(
            "TaskExists",
          );
          const stored = service.getTask("job", variant).body;
          expect(stored).toMatchObject({ id, commandLine: "first" });
        },
      ),
      { numRuns: 50 },
    );
  });
});
