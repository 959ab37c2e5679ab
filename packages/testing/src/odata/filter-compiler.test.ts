import type { CloudJob, CloudTask } from "@batch/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFilter, FilterError, type FilterFields } from "./filter-compiler.js";
import {
  JOB_STATES,
  type JobView,
  jobFilterFields,
  TASK_STATES,
  type TaskView,
  taskFilterFields,
} from "./filter-fields.js";
import { formatFilter } from "./filter-format.js";
import type { ComparisonOperator, FilterNode } from "./filter-parser.js";
import { FilterSyntaxError } from "./filter-syntax-error.js";

const T0 = "2025-01-01T00:00:00.000Z";
const T1 = "2025-01-02T00:00:00.000Z";
const T2 = "2025-01-03T00:00:00.000Z";

// Typed as CloudTask so the compiler proves wire tasks fit TaskView.
const tasks: CloudTask[] = [
  {
    id: "Task-1",
    state: "active",
    creationTime: T0,
    stateTransitionTime: T0,
    lastModified: T0,
  },
  {
    id: "task-2",
    state: "running",
    creationTime: T0,
    stateTransitionTime: T1,
    lastModified: T1,
    executionInfo: { startTime: T1, retryCount: 0, requeueCount: 0 },
  },
  {
    id: "task-3",
    state: "completed",
    creationTime: T1,
    stateTransitionTime: T2,
    lastModified: T2,
    executionInfo: {
      startTime: T1,
      endTime: T2,
      exitCode: 0,
      result: "success",
      retryCount: 0,
      requeueCount: 0,
    },
  },
  {
    id: "other",
    state: "completed",
    creationTime: T2,
    stateTransitionTime: T2,
    lastModified: T2,
    executionInfo: {
      startTime: T1,
      endTime: T2,
      exitCode: -3,
      result: "failure",
      retryCount: 1,
      requeueCount: 0,
    },
  },
];

const jobs: CloudJob[] = [
  {
    id: "job-a",
    state: "active",
    creationTime: T0,
    executionInfo: { startTime: T0, poolId: "Pool-1" },
  },
  {
    id: "job-b",
    state: "terminating",
    creationTime: T1,
    executionInfo: { startTime: T1, poolId: "pool-2" },
  },
  {
    id: "JOB-c",
    state: "completed",
    creationTime: T2,
    executionInfo: { startTime: T1, endTime: T2, poolId: "batch" },
  },
];

function taskIds(filter: string): string[] {
  const predicate = compileFilter<TaskView>(filter, taskFilterFields);
  return tasks.filter(predicate).map((task) => task.id ?? "");
}

function jobIds(filter: string): string[] {
  const predicate = compileFilter<JobView>(filter, jobFilterFields);
  return jobs.filter(predicate).map((job) => job.id ?? "");
}

function filterError(filter: string, fields: FilterFields<never> = taskFilterFields): FilterError {
  try {
    compileFilter(filter, fields);
  } catch (error) {
    expect(error).toBeInstanceOf(FilterError);
    return error as FilterError;
  }
  throw new Error(`expected ${filter} to be rejected`);
}

describe("task filters", () => {
  it("compares ids case-insensitively, including ordering and startswith", () => {
    expect(taskIds("id eq 'TASK-1'")).toEqual(["Task-1"]);
    expect(taskIds("id ne 'task-1'")).toEqual(["task-2", "task-3", "other"]);
    expect(taskIds("id gt 'TASK-2'")).toEqual(["task-3"]);
    expect(taskIds("id ge 'task-2'")).toEqual(["task-2", "task-3"]);
    expect(taskIds("id lt 'TASK-1'")).toEqual(["other"]);
    expect(taskIds("id le 'task-1'")).toEqual(["Task-1", "other"]);
    expect(taskIds("startswith(id, 'TASK-')")).toEqual(["Task-1", "task-2", "task-3"]);
    expect(taskIds("startswith(id, '')")).toHaveLength(4);
    expect(taskIds("startswith(id, 'task-') eq false")).toEqual(["other"]);
  });

  it("matches state values case-insensitively with eq and ne", () => {
    expect(taskIds("state eq 'completed'")).toEqual(["task-3", "other"]);
    expect(taskIds("state eq 'Completed'")).toEqual(["task-3", "other"]);
    expect(taskIds("state ne 'completed'")).toEqual(["Task-1", "task-2"]);
    expect(taskIds("state eq 'preparing'")).toEqual([]);
  });

  it("compares every time property with every ordering operator", () => {
    for (const property of ["stateTransitionTime", "creationTime", "lastModified"]) {
      const ops = { eq: 0, ne: 0, gt: 0, ge: 0, lt: 0, le: 0 };
      for (const op of Object.keys(ops) as ComparisonOperator[]) {
        ops[op] = taskIds(`${property} ${op} datetime'${T1}'`).length;
      }
      const total = tasks.length;
      expect(ops.eq + ops.ne).toBe(total);
      expect(ops.lt + ops.ge).toBe(total);
      expect(ops.gt + ops.le).toBe(total);
      expect(ops.ge - ops.gt).toBe(ops.eq);
    }
    expect(taskIds(`stateTransitionTime ge ${T1}`)).toEqual(["task-2", "task-3", "other"]);
    expect(taskIds(`creationTime lt datetime'${T1}'`)).toEqual(["Task-1", "task-2"]);
    expect(taskIds(`lastModified eq ${T2}`)).toEqual(["task-3", "other"]);
  });

  it("accepts lastModifiedTime, the name the filter documentation uses", () => {
    expect(taskIds(`lastModifiedTime eq ${T2}`)).toEqual(taskIds(`lastModified eq ${T2}`));
    expect(taskIds(`lastModifiedTime le ${T0}`)).toEqual(["Task-1"]);
  });

  it("compares a date-time with a quoted ISO timestamp too", () => {
    expect(taskIds(`creationTime eq '${T2}'`)).toEqual(["other"]);
  });

  it("compares dates at the instant they denote, whatever the zone", () => {
    expect(taskIds("creationTime eq 2025-01-03T01:00:00+01:00")).toEqual(["other"]);
  });

  it("filters on execution start and end times, which are absent before a task runs", () => {
    expect(taskIds(`executionInfo/startTime eq ${T1}`)).toEqual(["task-2", "task-3", "other"]);
    expect(taskIds(`executionInfo/startTime ne ${T1}`)).toEqual(["Task-1"]);
    expect(taskIds(`executionInfo/startTime lt ${T2}`)).toEqual(["task-2", "task-3", "other"]);
    expect(taskIds(`executionInfo/endTime ge ${T0}`)).toEqual(["task-3", "other"]);
    expect(taskIds(`executionInfo/endTime le ${T2}`)).toEqual(["task-3", "other"]);
    expect(taskIds(`executionInfo/endTime gt ${T2}`)).toEqual([]);
    expect(taskIds("executionInfo/endTime eq null")).toEqual(["Task-1", "task-2"]);
    expect(taskIds("executionInfo/endTime ne null")).toEqual(["task-3", "other"]);
  });

  it("compares exit codes numerically and treats a missing one as matching only ne", () => {
    expect(taskIds("executionInfo/exitCode eq 0")).toEqual(["task-3"]);
    expect(taskIds("executionInfo/exitCode ne 0")).toEqual(["Task-1", "task-2", "other"]);
    expect(taskIds("executionInfo/exitCode lt 0")).toEqual(["other"]);
    expect(taskIds("executionInfo/exitCode le 0")).toEqual(["task-3", "other"]);
    expect(taskIds("executionInfo/exitCode gt -3")).toEqual(["task-3"]);
    expect(taskIds("executionInfo/exitCode ge -3")).toEqual(["task-3", "other"]);
    expect(taskIds("(executionInfo/exitCode lt 0) or (executionInfo/exitCode gt 0)")).toEqual([
      "other",
    ]);
    expect(taskIds("executionInfo/exitCode eq null")).toEqual(["Task-1", "task-2"]);
  });

  it("matches execution results case-insensitively", () => {
    expect(taskIds("executionInfo/result eq 'failure'")).toEqual(["other"]);
    expect(taskIds("executionInfo/result eq 'SUCCESS'")).toEqual(["task-3"]);
    expect(taskIds("executionInfo/result ne 'success'")).toEqual(["Task-1", "task-2", "other"]);
  });

  it("resolves property names case-insensitively", () => {
    expect(taskIds("STATE eq 'active'")).toEqual(["Task-1"]);
    expect(taskIds("ExecutionInfo/ExitCode eq 0")).toEqual(["task-3"]);
  });

  it("combines conditions with and, or and not", () => {
    expect(taskIds("state eq 'completed' and executionInfo/exitCode ne 0")).toEqual(["other"]);
    expect(taskIds("state eq 'active' or executionInfo/result eq 'failure'")).toEqual([
      "Task-1",
      "other",
    ]);
    expect(taskIds("not (state eq 'completed')")).toEqual(["Task-1", "task-2"]);
    expect(taskIds("not state eq 'completed' and startswith(id, 'task')")).toEqual([
      "Task-1",
      "task-2",
    ]);
  });
});

describe("job filters", () => {
  it("filters on every job property", () => {
    expect(jobIds("id eq 'job-C'")).toEqual(["JOB-c"]);
    expect(jobIds("startswith(id, 'JOB-')")).toEqual(["job-a", "job-b", "JOB-c"]);
    expect(jobIds("id gt 'job-a'")).toEqual(["job-b", "JOB-c"]);
    expect(jobIds("state eq 'terminating'")).toEqual(["job-b"]);
    expect(jobIds("state ne 'Active'")).toEqual(["job-b", "JOB-c"]);
    expect(jobIds(`creationTime ge ${T1}`)).toEqual(["job-b", "JOB-c"]);
    expect(jobIds(`executionInfo/startTime eq ${T1}`)).toEqual(["job-b", "JOB-c"]);
    expect(jobIds("executionInfo/endTime eq null")).toEqual(["job-a", "job-b"]);
    expect(jobIds("executionInfo/poolId eq 'POOL-1'")).toEqual(["job-a"]);
    expect(jobIds("startswith(executionInfo/poolId, 'pool')")).toEqual(["job-a", "job-b"]);
    expect(jobIds("executionInfo/poolId lt 'c'")).toEqual(["JOB-c"]);
    expect(jobIds(`stateTransitionTime eq null`)).toEqual(["job-a", "job-b", "JOB-c"]);
    expect(jobIds(`lastModifiedTime ne null`)).toEqual([]);
  });

  it("accepts every job state and rejects task-only ones", () => {
    for (const state of JOB_STATES) expect(() => jobIds(`state eq '${state}'`)).not.toThrow();
    expect(filterError("state eq 'running'", jobFilterFields).reason).toMatch(
      /'running' is not a valid value of 'state'; expected one of active, disabling/,
    );
    expect(filterError("executionInfo/exitCode eq 0", jobFilterFields).reason).toMatch(
      /'executionInfo\/exitCode' is not a property that can be filtered on/,
    );
  });
});

describe("filter errors", () => {
  const cases: [string, RegExp][] = [
    [
      "name eq 'x'",
      /'name' is not a property that can be filtered on; use one of: id, state, stateTransitionTime/,
    ],
    ["executionInfo/retryCount eq 1", /'executionInfo\/retryCount' is not a property/],
    ["state gt 'active'", /the operator 'gt' cannot be used with 'state'; it supports eq, ne/],
    ["startswith(state, 'a')", /the operator 'startswith' cannot be used with 'state'/],
    ["startswith(creationTime, '2025')", /'startswith' cannot be used with 'creationTime'/],
    ["executionInfo/result le 'success'", /'le' cannot be used with 'executionInfo\/result'/],
    [
      "state eq 'done'",
      /'done' is not a valid value of 'state'; expected one of active, preparing, running, completed/,
    ],
    ["executionInfo/result eq 'ok'", /expected one of success, failure/],
    ["id eq 5", /'id' is a string and cannot be compared with a number/],
    ["state eq true", /'state' is a string and cannot be compared with a boolean/],
    ["executionInfo/exitCode eq '0'", /is an integer and cannot be compared with a string literal/],
    ["executionInfo/exitCode eq 1.5", /is an integer and 1.5 is not one/],
    ["executionInfo/exitCode eq 99999999999999999999", /is an integer and .* is not one/],
    ["creationTime gt 5", /'creationTime' is a date-time and cannot be compared with a number/],
    ["creationTime gt 'yesterday'", /is a date-time and cannot be compared with a string literal/],
    ["executionInfo/exitCode gt null", /null can only be compared with eq or ne, not 'gt'/],
  ];
  for (const [filter, reason] of cases) {
    it(`rejects ${filter}`, () => {
      const error = filterError(filter);
      expect(error.reason).toMatch(reason);
      expect(error.message).toBe(error.reason);
    });
  }

  it("reports syntax errors as FilterSyntaxError", () => {
    expect(() => compileFilter("state eq", taskFilterFields)).toThrow(FilterSyntaxError);
  });

  it("checks every branch, even ones a short-circuit would skip", () => {
    expect(() => compileFilter("id eq 'a' or bogus eq 1", taskFilterFields)).toThrow(FilterError);
  });
});

// --- Property-based: compiled predicates agree with a reference evaluation ---

const TIMES = [T0, T1, T2];
const ID_WORDS = ["a", "A", "ab", "b", "task-1", "TASK-1", "task-10", "z_9"];

const taskArb: fc.Arbitrary<TaskView> = fc.record(
  {
    id: fc.constantFrom(...ID_WORDS),
    state: fc.constantFrom(...TASK_STATES),
    creationTime: fc.constantFrom(...TIMES),
    stateTransitionTime: fc.constantFrom(...TIMES),
    lastModified: fc.constantFrom(...TIMES),
    executionInfo: fc.record(
      {
        startTime: fc.constantFrom(...TIMES),
        endTime: fc.constantFrom(...TIMES),
        exitCode: fc.integer({ min: -2, max: 2 }),
        result: fc.constantFrom("success", "failure"),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["id", "state"] },
);

type Kind = "text" | "enum" | "time" | "int";
const PROPERTIES: [string, Kind, (task: TaskView) => string | number | undefined][] = [
  ["id", "text", (t) => t.id],
  ["state", "enum", (t) => t.state],
  ["creationTime", "time", (t) => t.creationTime],
  ["stateTransitionTime", "time", (t) => t.stateTransitionTime],
  ["lastModified", "time", (t) => t.lastModified],
  ["lastModifiedTime", "time", (t) => t.lastModified],
  ["executionInfo/startTime", "time", (t) => t.executionInfo?.startTime],
  ["executionInfo/endTime", "time", (t) => t.executionInfo?.endTime],
  ["executionInfo/exitCode", "int", (t) => t.executionInfo?.exitCode],
  ["executionInfo/result", "enum", (t) => t.executionInfo?.result],
];

const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((flags) => [...text].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(""));

const leafArb: fc.Arbitrary<FilterNode> = fc
  .constantFrom(...PROPERTIES)
  .chain(([property, kind]): fc.Arbitrary<FilterNode> => {
    const ordered = fc.constantFrom<ComparisonOperator>("eq", "ne", "gt", "ge", "lt", "le");
    const equality = fc.constantFrom<ComparisonOperator>("eq", "ne");
    const nullCompare = equality.map(
      (op): FilterNode => ({ kind: "compare", op, property, value: { type: "null" } }),
    );
    switch (kind) {
      case "text":
        return fc.oneof(
          fc.record({
            kind: fc.constant("compare" as const),
            op: ordered,
            property: fc.constant(property),
            value: fc
              .constantFrom(...ID_WORDS, "", "task")
              .chain(randomCase)
              .map((value) => ({ type: "string" as const, value })),
          }),
          fc.record({
            kind: fc.constant("startswith" as const),
            property: fc.constant(property),
            value: fc.constantFrom("", "a", "T", "task-1", "Z_").chain(randomCase),
          }),
          nullCompare,
        );
      case "enum": {
        const values = property === "state" ? TASK_STATES : ["success", "failure"];
        return fc.oneof(
          fc.record({
            kind: fc.constant("compare" as const),
            op: equality,
            property: fc.constant(property),
            value: fc
              .constantFrom(...values)
              .chain(randomCase)
              .map((value) => ({ type: "string" as const, value })),
          }),
          nullCompare,
        );
      }
      case "time":
        return fc.oneof(
          fc.record({
            kind: fc.constant("compare" as const),
            op: ordered,
            property: fc.constant(property),
            value: fc
              .constantFrom(...TIMES, "2024-12-31T23:59:59.999Z")
              .map((iso) => ({ type: "datetime" as const, value: Date.parse(iso) })),
          }),
          nullCompare,
        );
      case "int":
        return fc.oneof(
          fc.record({
            kind: fc.constant("compare" as const),
            op: ordered,
            property: fc.constant(property),
            value: fc
              .integer({ min: -3, max: 3 })
              .map((value) => ({ type: "number" as const, value })),
          }),
          nullCompare,
        );
    }
  });

const treeArb: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafArb,
    fc.record({ kind: fc.constant("not" as const), operand: tie("node") }),
    fc.record({
      kind: fc.constantFrom("and" as const, "or" as const),
      left: tie("node"),
      right: tie("node"),
    }),
  ),
})).node;

/** A deliberately plain evaluation of a leaf, written without the compiler's machinery. */
function referenceLeaf(task: TaskView, node: FilterNode): boolean {
  if (node.kind === "startswith") {
    return (
      typeof task.id === "string" && task.id.toLowerCase().startsWith(node.value.toLowerCase())
    );
  }
  if (node.kind !== "compare") throw new Error("not a leaf");
  const [, kind, read] = PROPERTIES.find(([name]) => name === node.property) ?? [];
  if (kind === undefined || read === undefined) throw new Error(node.property);
  const raw = read(task);
  if (node.value.type === "null") return node.op === "eq" ? raw === undefined : raw !== undefined;
  if (raw === undefined) return node.op === "ne";
  let left: string | number;
  let right: string | number;
  if (kind === "time") {
    left = new Date(raw).getTime();
    right = node.value.type === "datetime" ? node.value.value : Number.NaN;
  } else if (kind === "int") {
    left = Number(raw);
    right = node.value.type === "number" ? node.value.value : Number.NaN;
  } else {
    left = String(raw).toLowerCase();
    right = node.value.type === "string" ? node.value.value.toLowerCase() : "";
  }
  const outcomes: Record<ComparisonOperator, boolean> = {
    eq: left === right,
    ne: left !== right,
    gt: left > right,
    ge: left >= right,
    lt: left < right,
    le: left <= right,
  };
  return outcomes[node.op];
}

function reference(task: TaskView, node: FilterNode): boolean {
  switch (node.kind) {
    case "and":
      return reference(task, node.left) && reference(task, node.right);
    case "or":
      return reference(task, node.left) || reference(task, node.right);
    case "not":
      return !reference(task, node.operand);
    default:
      return referenceLeaf(task, node);
  }
}

const compileTree = (node: FilterNode) => compileFilter(formatFilter(node), taskFilterFields);

describe("compiled filters (property-based)", () => {
  it("agree with a reference evaluation on generated tasks", () => {
    fc.assert(
      fc.property(treeArb, fc.array(taskArb, { maxLength: 8 }), (tree, sample) => {
        const predicate = compileTree(tree);
        for (const task of sample) expect(predicate(task)).toBe(reference(task, tree));
      }),
      { numRuns: 1500 },
    );
  });

  it("treat 'not x' as the complement of x, and 'and'/'or' as both/either", () => {
    fc.assert(
      fc.property(treeArb, treeArb, taskArb, (a, b, task) => {
        const x = compileTree(a)(task);
        const y = compileTree(b)(task);
        expect(compileTree({ kind: "not", operand: a })(task)).toBe(!x);
        expect(compileTree({ kind: "and", left: a, right: b })(task)).toBe(x && y);
        expect(compileTree({ kind: "or", left: a, right: b })(task)).toBe(x || y);
      }),
      { numRuns: 1000 },
    );
  });

  it("partition tasks: eq and ne, lt and ge, gt and le are complements", () => {
    const pairs: [ComparisonOperator, ComparisonOperator][] = [
      ["eq", "ne"],
      ["lt", "ge"],
      ["gt", "le"],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.integer({ min: -3, max: 3 }),
        taskArb.filter((task) => task.executionInfo?.exitCode !== undefined),
        ([op, complement], value, task) => {
          const holds = compileFilter(`executionInfo/exitCode ${op} ${value}`, taskFilterFields);
          const other = compileFilter(
            `executionInfo/exitCode ${complement} ${value}`,
            taskFilterFields,
          );
          expect(holds(task)).toBe(!other(task));
        },
      ),
    );
  });
});
