// Whole --json-file documents (task add, job create): what is read and what is refused.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readJsonObject } from "./read-input-text.js";

describe("readJsonObject", () => {
  it("ignores a UTF-8 byte order mark, in a file and on standard input", async () => {
    const text = `\uFEFF${JSON.stringify({ id: "t1", commandLine: "echo" })}`;
    const path = join(await mkdtemp(join(tmpdir(), "batch-bom-")), "task.json");
    await writeFile(path, text);
    expect(await readJsonObject(path, Readable.from([]))).toEqual({
      id: "t1",
      commandLine: "echo",
    });
    expect(await readJsonObject("-", Readable.from([Buffer.from(text)]))).toEqual({
      id: "t1",
      commandLine: "echo",
    });
  });

  it("still refuses a byte order mark in the middle of the text", async () => {
    await expect(
      readJsonObject("-", Readable.from([Buffer.from(' \uFEFF{"id":"t"}')])),
    ).rejects.toThrow(/standard input is not valid JSON/);
  });
});
