import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { openTaskSource, type TaskSource } from "./task-source.js";

async function file(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "batch-tasks-")), "tasks");
  await writeFile(path, content);
  return path;
}

async function drain(source: TaskSource): Promise<string[]> {
  const ids: string[] = [];
  for await (const task of source.tasks) ids.push(task.id);
  return ids;
}

const t = (id: string) => ({ id, commandLine: `echo ${id}` });

describe("openTaskSource", () => {
  it("reads a JSON array, pretty-printed or not", async () => {
    const source = await openTaskSource(
      await file(JSON.stringify([t("a"), t("b")], null, 2)),
      Readable.from([]),
    );
    expect(source.total).toBe(2);
    expect(await drain(source)).toEqual(["a", "b"]);
  });

  it('reads {"value": [...]} on one line or several', async () => {
    for (const text of [
      JSON.stringify({ value: [t("a")] }),
      JSON.stringify({ value: [t("a")] }, null, 2),
    ]) {
      const source = await openTaskSource(await file(text), Readable.from([]));
      expect(await drain(source)).toEqual(["a"]);
    }
  });

  it("ignores a UTF-8 byte order mark before an array, a wrapper or NDJSON, from a file or stdin", async () => {
    const bom = "\uFEFF";
    const array = JSON.stringify([t("a"), t("b")], null, 2);
    const wrapper = JSON.stringify({ value: [t("a"), t("b")] });
    const ndjson = `${JSON.stringify(t("a"))}\n${JSON.stringify(t("b"))}\n`;
    for (const text of [array, wrapper, ndjson]) {
      const fromFile = await openTaskSource(await file(bom + text), Readable.from([]));
      expect(await drain(fromFile)).toEqual(["a", "b"]);
      expect(fromFile.rejected).toEqual([]);
      const fromStdin = await openTaskSource("-", Readable.from([Buffer.from(bom + text)]));
      expect(await drain(fromStdin)).toEqual(["a", "b"]);
      expect(fromStdin.rejected).toEqual([]);
    }
  });

  it("streams NDJSON from standard input, with an unknown total", async () => {
    const lines = [t("a"), t("b"), t("c")].map((task) => `${JSON.stringify(task)}\n`);
    const source = await openTaskSource("-", Readable.from(lines));
    expect(source.total).toBeUndefined();
    expect(await drain(source)).toEqual(["a", "b", "c"]);
  });

  it("counts the lines of an NDJSON file for progress", async () => {
    const source = await openTaskSource(
      await file(`${JSON.stringify(t("a"))}\n\n${JSON.stringify(t("b"))}\n`),
      Readable.from([]),
    );
    expect(source.total).toBe(2);
    expect(await drain(source)).toEqual(["a", "b"]);
  });

  it("sets aside bad NDJSON lines, missing ids and repeated ids with their line numbers", async () => {
    const text = [
      JSON.stringify(t("a")),
      "{not json",
      JSON.stringify({ commandLine: "no id" }),
      JSON.stringify(t("A")),
      "[1]",
      JSON.stringify(t("b")),
    ].join("\n");
    const source = await openTaskSource(await file(text), Readable.from([]));
    expect(await drain(source)).toEqual(["a", "b"]);
    expect(source.rejected).toEqual([
      expect.objectContaining({ position: 2, positionKind: "line", code: "InvalidJson" }),
      expect.objectContaining({ position: 3, code: "MissingRequiredProperty" }),
      expect.objectContaining({ position: 4, taskId: "A", code: "DuplicateTaskId" }),
      expect.objectContaining({ position: 5, code: "InvalidInput" }),
    ]);
  });

  it("rejects a malformed JSON document before anything is sent", async () => {
    await expect(openTaskSource(await file('[{"id": "a",'), Readable.from([]))).rejects.toThrow(
      /is not valid JSON/,
    );
    await expect(openTaskSource(await file('"text"'), Readable.from([]))).rejects.toThrow(
      /must hold a JSON array/,
    );
    for (const empty of ["\n\n", "[]", '{"value": []}', "[\n]\n"]) {
      const path = await file(empty);
      await expect(openTaskSource(path, Readable.from([]))).rejects.toThrow(`no tasks in ${path}`);
    }
    await expect(openTaskSource("-", Readable.from([]))).rejects.toThrow(
      "no tasks in standard input",
    );
    await expect(openTaskSource("/no/such/file", Readable.from([]))).rejects.toThrow(
      /cannot read \/no\/such\/file: no such file \(ENOENT\)/,
    );
  });
});
