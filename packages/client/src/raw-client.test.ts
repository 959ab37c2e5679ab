import { describe, expect, it } from "vitest";
import { createRawClient } from "./raw-client.js";

describe("createRawClient", () => {
  it("sends typed requests to the endpoint, without a doubled slash", async () => {
    const seen: Request[] = [];
    const raw = createRawClient("http://127.0.0.1:1/", async (input) => {
      seen.push(input as Request);
      return new Response(JSON.stringify({ id: "t1" }), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    });
    const { data } = await raw.GET("/jobs/{jobId}/tasks/{taskId}", {
      params: { path: { jobId: "j 1", taskId: "t1" }, query: { "api-version": "2025-06-01" } },
    });
    expect(data?.id).toBe("t1");
    expect(seen[0]?.url).toBe("http://127.0.0.1:1/jobs/j%201/tasks/t1?api-version=2025-06-01");
  });
});
