import picocolors from "picocolors";
import { describe, expect, it } from "vitest";
import { capturedStream } from "../test-support/captured-stream.js";
import type { OutputFormat } from "./output-format.js";
import { createOutputWriter } from "./output-writer.js";
import { compileQuery } from "./query.js";
import { taskView } from "./table-view.js";

const plain = picocolors.createColors(false);
const tasks = [
  {
    id: "t1",
    state: "completed",
    commandLine: "echo 1",
    executionInfo: { exitCode: 0, result: "success" },
  },
  { id: "t2", state: "active", commandLine: "echo 2" },
];

async function writerFor(format: OutputFormat, query: string | undefined) {
  const out = capturedStream();
  const writer = createOutputWriter({
    format,
    query: query === undefined ? undefined : await compileQuery(query),
    colors: plain,
    stdout: out.stream,
  });
  return { writer, text: out.text };
}

async function printValue(format: OutputFormat, value: unknown, query?: string): Promise<string> {
  const { writer, text } = await writerFor(format, query);
  await writer.value(value, taskView);
  return text();
}

async function printPages(
  format: OutputFormat,
  pages: unknown[][],
  query?: string,
): Promise<string> {
  const { writer, text } = await writerFor(format, query);
  const list = writer.list(taskView);
  for (const page of pages) await list.page(page);
  await list.end();
  return text();
}

describe("createOutputWriter().value", () => {
  it("prints indented JSON for json and for jsonc without colours", async () => {
    expect(await printValue("json", tasks[0])).toBe(`${JSON.stringify(tasks[0], null, 2)}\n`);
    expect(await printValue("jsonc", tasks[0])).toBe(`${JSON.stringify(tasks[0], null, 2)}\n`);
  });

  it("prints YAML", async () => {
    expect(await printValue("yaml", { id: "t1", state: "active" })).toBe("id: t1\nstate: active\n");
  });

  it("prints one line per item for ndjson", async () => {
    expect(await printValue("ndjson", tasks)).toBe(
      `${JSON.stringify(tasks[0])}\n${JSON.stringify(tasks[1])}\n`,
    );
  });

  it("prints the view's columns as a table and as tsv", async () => {
    const table = await printValue("table", tasks);
    expect(table.split("\n")[0]).toMatch(
      /^Id\s+State\s+Result\s+ExitCode\s+Retries\s+CommandLine$/,
    );
    expect(table.split("\n")[1]).toMatch(/^-+\s+-+/);
    expect(table).toMatch(/t1\s+completed\s+success\s+0\s+echo 1/);
    expect(await printValue("tsv", tasks)).toBe(
      "t1\tcompleted\tsuccess\t0\t\techo 1\nt2\tactive\t\t\t\techo 2\n",
    );
  });

  it("prints nothing for none", async () => {
    expect(await printValue("none", tasks)).toBe("");
  });

  it("applies --query before formatting, with columns derived from the result", async () => {
    expect(await printValue("json", tasks, "[].id")).toBe('[\n  "t1",\n  "t2"\n]\n');
    expect(await printValue("tsv", tasks, "[].[id,state]")).toBe("t1\tcompleted\nt2\tactive\n");
    expect(await printValue("tsv", tasks[0], "executionInfo.exitCode")).toBe("0\n");
    expect(await printValue("table", tasks, "[].{name: id}")).toMatch(/^Name\n-+\nt1\nt2\n$/);
  });

  it("keeps the scalars of a mixed --query result in a Value column", async () => {
    const mixed = "[[0].{id: id}, [0].id, `3`, `null`]";
    expect(await printValue("tsv", tasks, mixed)).toBe("t1\t\n\tt1\n\t3\n\t\n");
    expect(await printValue("table", tasks, mixed)).toMatch(
      /^Id\s+Value\n-+\s+-+\nt1\s*\n\s+t1\n\s+3\n/,
    );
  });

  it("says what a sort_by() over keys of the wrong type did wrong", async () => {
    await expect(printValue("json", tasks, "sort_by(@, &executionInfo)")).rejects.toThrow(
      "--query failed: TypeError: sort_by() needs a key that is a number or a string for every item",
    );
  });
});

describe("createOutputWriter().list", () => {
  const pages = [[tasks[0]], [tasks[1]]];

  it("streams a JSON array that parses to every item", async () => {
    const text = await printPages("json", pages);
    expect(JSON.parse(text)).toEqual(tasks);
    expect(await printPages("json", [])).toBe("[]\n");
  });

  it("streams YAML and NDJSON page by page", async () => {
    const { parse } = await import("yaml");
    expect(parse(await printPages("yaml", pages))).toEqual(tasks);
    expect(
      (await printPages("ndjson", pages))
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual(tasks);
  });

  it("prints the table header once and keeps the first page's column widths", async () => {
    const text = await printPages("table", [
      [{ id: "a", state: "active", commandLine: "x" }],
      [{ id: "b", state: "active", commandLine: "a much longer command line" }],
    ]);
    const lines = text.trimEnd().split("\n");
    expect(lines.filter((line) => line.startsWith("Id"))).toHaveLength(1);
    expect(lines[3]).toMatch(/^b\s+active\s+a much lon…$/);
    expect(lines[3]?.indexOf("active")).toBe(lines[2]?.indexOf("active"));
  });

  it("never cuts an id: a 64-character id shows whole, on the first page or a later one", async () => {
    const longId = `${"task-".repeat(12)}0064`;
    expect(longId).toHaveLength(64);
    const first = await printPages("table", [
      [{ id: longId, state: "active", commandLine: "x".repeat(100) }],
    ]);
    expect(first).toContain(`${longId}  active`);
    expect(first).not.toContain("x".repeat(100));
    const later = await printPages("table", [
      [{ id: "a", state: "active", commandLine: "x" }],
      [{ id: longId, state: "active", commandLine: "y" }],
    ]);
    expect(later).toContain(`${longId}  active`);
    // Derived columns too: the ids of a write's result, and --query results.
    const derived = await printValue(
      "table",
      { jobId: longId, requestId: longId, note: "z".repeat(80) },
      "@",
    );
    expect(derived.split("\n")[2]).toContain(`${longId}  ${longId}  `);
    expect(derived).not.toContain("z".repeat(80));
  });

  it("gathers pages before applying a query", async () => {
    expect(await printPages("json", pages, "length(@)")).toBe("2\n");
  });
});

describe("OData annotations", () => {
  it("are left out of every printed resource, single or listed", async () => {
    const annotated = { "odata.metadata": "https://x/$metadata#tasks/@Element", id: "t1" };
    expect(JSON.parse(await printValue("json", annotated))).toEqual({ id: "t1" });
    expect(JSON.parse(await printPages("json", [[annotated]]))).toEqual([{ id: "t1" }]);
    expect(await printValue("json", annotated, "keys(@)")).toBe('[\n  "id"\n]\n');
  });
});
