import { describe, expect, it } from "vitest";
import { createBatchService } from "./batch-service.js";
import { invalidPropertyValue } from "./error-catalog.js";
import { ServiceError } from "./service-error.js";

describe("invalidPropertyValue", () => {
  it("shows the value as JSON, and a body too deep to serialize by its shape", () => {
    expect(invalidPropertyValue("id", { a: 1 }, "r").values).toContainEqual({
      key: "PropertyValue",
      value: '{"a":1}',
    });
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    expect(invalidPropertyValue("value", deep, "r").values).toContainEqual({
      key: "PropertyValue",
      value: "[...]",
    });
  });

  it("lets the service refuse such a body with a 400, not a crash", () => {
    const service = createBatchService();
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    expect(() => service.addJob(deep)).toThrow(ServiceError);
    service.addJob({ id: "j", poolInfo: { poolId: "p" } });
    for (const call of [
      () => service.addTask("j", deep),
      () => service.addTaskCollection("j", deep),
    ]) {
      try {
        call();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ServiceError);
        expect((error as ServiceError).status).toBe(400);
      }
    }
    // Inside a collection, the one bad entry is a clienterror result.
    expect(service.addTaskCollection("j", { value: deep }).value).toEqual([
      expect.objectContaining({
        status: "clienterror",
        error: expect.objectContaining({ code: "InvalidPropertyValue" }),
      }),
    ]);
    service.dispose();
  });
});
