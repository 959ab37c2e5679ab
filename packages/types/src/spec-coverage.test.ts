// Guards the spec against losing anything the TasksApi mission document promises: every task
// operation, each parameter and header it lists, the exact success status and response headers.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Json = Record<string, unknown>;
const spec = parse(
  readFileSync(fileURLToPath(new URL("../../../spec/batch.openapi.yaml", import.meta.url)), "utf8"),
) as Json;

function resolve<T = Json>(node: unknown): T {
  let current = node as Json;
  while (current && typeof current.$ref === "string") {
    const path = (current.$ref as string).replace(/^#\//, "").split("/");
    current = path.reduce<Json>((at, key) => at[key] as Json, spec);
  }
  return current as T;
}

interface Operation {
  method: string;
  path: string;
  op: Json;
  pathItem: Json;
}

function findOperation(operationId: string): Operation | undefined {
  for (const [path, item] of Object.entries(spec.paths as Record<string, Json>)) {
    for (const method of ["get", "put", "post", "delete", "patch"]) {
      const op = item[method] as Json | undefined;
      if (op?.operationId === operationId) return { method, path, op, pathItem: item };
    }
  }
  return undefined;
}

function parameterNames({ op, pathItem }: Operation): string[] {
  const params = [
    ...((pathItem.parameters as unknown[]) ?? []),
    ...((op.parameters as unknown[]) ?? []),
  ];
  return params.map((p) => {
    const resolved = resolve<{ name: string; in: string }>(p);
    return `${resolved.in}:${resolved.name}`;
  });
}

const common = [
  "query:api-version",
  "query:timeout",
  "header:client-request-id",
  "header:return-client-request-id",
  "header:ocp-date",
];
const conditional = [
  "header:If-Match",
  "header:If-None-Match",
  "header:If-Modified-Since",
  "header:If-Unmodified-Since",
];

// What the mission document lists for each of the nine task operations.
const taskOperations = [
  {
    id: "Task_Add",
    method: "post",
    path: "/jobs/{jobId}/tasks",
    params: ["path:jobId", ...common],
    status: "201",
    headers: ["ETag", "Last-Modified", "DataServiceId"],
    body: "TaskAddParameter",
  },
  {
    id: "Task_AddCollection",
    method: "post",
    path: "/jobs/{jobId}/addtaskcollection",
    params: ["path:jobId", ...common],
    status: "200",
    headers: [],
    body: "TaskAddCollectionParameter",
    result: "TaskAddCollectionResult",
  },
  {
    id: "Task_Delete",
    method: "delete",
    path: "/jobs/{jobId}/tasks/{taskId}",
    params: ["path:jobId", "path:taskId", ...common, ...conditional],
    status: "200",
    headers: [],
  },
  {
    id: "Task_Get",
    method: "get",
    path: "/jobs/{jobId}/tasks/{taskId}",
    params: [
      "path:jobId",
      "path:taskId",
      "query:$select",
      "query:$expand",
      ...common,
      ...conditional,
    ],
    status: "200",
    headers: ["ETag", "Last-Modified", "DataServiceId"],
    result: "CloudTask",
  },
  {
    id: "Task_List",
    method: "get",
    path: "/jobs/{jobId}/tasks",
    params: [
      "path:jobId",
      "query:$filter",
      "query:$select",
      "query:$expand",
      "query:maxresults",
      ...common,
    ],
    status: "200",
    headers: ["ETag", "Last-Modified"],
    result: "CloudTaskListResult",
  },
  {
    id: "Task_ListSubtasks",
    method: "get",
    path: "/jobs/{jobId}/tasks/{taskId}/subtasksinfo",
    params: ["path:jobId", "path:taskId", "query:$select", ...common],
    status: "200",
    headers: ["ETag", "Last-Modified"],
    result: "CloudTaskListSubtasksResult",
  },
  {
    id: "Task_Reactivate",
    method: "post",
    path: "/jobs/{jobId}/tasks/{taskId}/reactivate",
    params: ["path:jobId", "path:taskId", ...common, ...conditional],
    status: "204",
    headers: ["ETag", "Last-Modified", "DataServiceId"],
  },
  {
    id: "Task_Terminate",
    method: "post",
    path: "/jobs/{jobId}/tasks/{taskId}/terminate",
    params: ["path:jobId", "path:taskId", ...common, ...conditional],
    status: "204",
    headers: ["ETag", "Last-Modified", "DataServiceId"],
  },
  {
    id: "Task_Update",
    method: "put",
    path: "/jobs/{jobId}/tasks/{taskId}",
    params: ["path:jobId", "path:taskId", ...common, ...conditional],
    status: "200",
    headers: ["ETag", "Last-Modified", "DataServiceId"],
    body: "TaskUpdateParameter",
  },
] as const;

const jobOperations = [
  ["Job_Add", "post", "/jobs", "201"],
  ["Job_Get", "get", "/jobs/{jobId}", "200"],
  ["Job_List", "get", "/jobs", "200"],
  ["Job_Delete", "delete", "/jobs/{jobId}", "202"],
  ["Job_Terminate", "post", "/jobs/{jobId}/terminate", "202"],
  ["Job_GetTaskCounts", "get", "/jobs/{jobId}/taskcounts", "200"],
] as const;

describe("spec: the nine task operations of the mission document", () => {
  it.each(taskOperations)("$id is at $method $path", (expected) => {
    const found = findOperation(expected.id);
    expect(found, `${expected.id} is missing`).toBeDefined();
    expect(found?.method).toBe(expected.method);
    expect(found?.path).toBe(expected.path);
  });

  it.each(taskOperations)("$id takes every parameter and header listed for it", (expected) => {
    const found = findOperation(expected.id)!;
    const names = parameterNames(found);
    for (const param of expected.params) expect(names, `${expected.id} ${param}`).toContain(param);
  });

  it.each(taskOperations)("$id answers its exact success status with its headers", (expected) => {
    const { op } = findOperation(expected.id)!;
    const responses = op.responses as Json;
    const successes = Object.keys(responses).filter((code) => /^2\d\d$/.test(code));
    expect(successes).toEqual([expected.status]);
    const success = resolve(responses[expected.status]);
    const headers = Object.keys((success.headers as Json) ?? {});
    for (const header of ["request-id", "client-request-id", ...expected.headers]) {
      expect(headers, `${expected.id} response header ${header}`).toContain(header);
    }
    const failure = resolve(responses.default);
    const errorSchema = (failure.content as Json)?.["application/json"] as Json;
    expect(resolve(errorSchema.schema)).toBe(resolve({ $ref: "#/components/schemas/BatchError" }));
  });

  it.each(taskOperations.filter((o) => "body" in o))(
    "$id takes its body as application/json; odata=minimalmetadata",
    (expected) => {
      const { op } = findOperation(expected.id)!;
      const body = resolve(op.requestBody);
      const media = (body.content as Json)["application/json; odata=minimalmetadata"] as Json;
      expect(media, "request media type").toBeDefined();
      expect(resolve(media.schema)).toBe(
        resolve({ $ref: `#/components/schemas/${"body" in expected ? expected.body : ""}` }),
      );
    },
  );

  it.each(taskOperations.filter((o) => "result" in o))("$id returns $result", (expected) => {
    const { op } = findOperation(expected.id)!;
    const success = resolve((op.responses as Json)[expected.status]);
    const media = (success.content as Json)["application/json"] as Json;
    expect(resolve(media.schema)).toBe(
      resolve({ $ref: `#/components/schemas/${"result" in expected ? expected.result : ""}` }),
    );
  });
});

describe("spec: job operations a task lifecycle needs", () => {
  it.each(jobOperations)("%s is %s %s answering %s", (id, method, path, status) => {
    const found = findOperation(id);
    expect(found, `${id} is missing`).toBeDefined();
    expect(found?.method).toBe(method);
    expect(found?.path).toBe(path);
    expect(Object.keys(found!.op.responses as Json).filter((c) => /^2/.test(c))).toEqual([status]);
  });
});

describe("spec: shared parameters", () => {
  const params = (spec.components as Json).parameters as Record<string, Json>;
  const byName = (name: string) => Object.values(params).find((p) => p.name === name);

  it("requires api-version and defaults it to the spec version", () => {
    const apiVersion = byName("api-version")!;
    expect(apiVersion.required).toBe(true);
    expect((apiVersion.schema as Json).default).toBe((spec.info as Json).version);
    expect((spec.info as Json).version).toBe("2025-06-01");
  });

  it("bounds maxresults to 1..1000", () => {
    const schema = byName("maxresults")!.schema as Json;
    expect([schema.minimum, schema.maximum, schema.default]).toEqual([1, 1000, 1000]);
  });

  it("defines every listed parameter once, as a reusable component", () => {
    for (const name of [
      "$select",
      "$expand",
      "$filter",
      "maxresults",
      "timeout",
      "client-request-id",
      "return-client-request-id",
      "ocp-date",
      "If-Match",
      "If-None-Match",
      "If-Modified-Since",
      "If-Unmodified-Since",
    ]) {
      expect(byName(name), name).toBeDefined();
    }
  });

  it("serves from {batchUrl}", () => {
    expect((spec.servers as Json[])[0]?.url).toBe("{batchUrl}");
  });
});
