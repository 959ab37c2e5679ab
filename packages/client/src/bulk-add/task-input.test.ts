import type { TaskAddParameter } from "@batch/types";
import { describe, expect, it } from "vitest";
import { inputEnd, openTaskInput } from "./task-input.js";

const task = (id: string): TaskAddParameter => ({ id, commandLine: "echo" });

describe("openTaskInput", () => {
  it("reads an array through its iterator, as it grows", () => {
    const tasks = [task("a"), task("b")];
    const input = openTaskInput(tasks);
    expect(input).toMatchObject({ async: false, done: false });
    expect(input.next()).toBe(tasks[0]);
    tasks.push(task("c")); // like an array iterator, a task added while reading is read too
    expect(input.next()).toBe(tasks[1]);
    expect(input.next()).toBe(tasks[2]);
    expect(input.next()).toBe(inputEnd);
    expect(input.done).toBe(true);
  });

  it("gives an undefined entry as a value, not as the end", () => {
    const input = openTaskInput([undefined as unknown as TaskAddParameter]);
    expect(input.next()).toBeUndefined();
    expect(input.next()).toBe(inputEnd);
  });

  it("reads a sync iterable without promises and closes it when not read to the end", async () => {
    let closed = false;
    function* source() {
      try {
        yield task("a");
        yield task("b");
      } finally {
        closed = true;
      }
    }
    const input = openTaskInput(source());
    expect(input).toMatchObject({ async: false });
    expect(input.next()).toEqual(task("a"));
    await input.close();
    expect(closed).toBe(true);
    expect(input.done).toBe(true);
  });

  it("reads an async iterable with one promise per value", async () => {
    async function* source() {
      yield task("a");
    }
    const input = openTaskInput(source());
    expect(input.async).toBe(true);
    const first = input.next();
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual(task("a"));
    expect(await input.next()).toBe(inputEnd);
    expect(input.done).toBe(true);
  });

  it("refuses strings and other values that are not collections of tasks", () => {
    for (const bad of ["tasks.ndjson", 42, null, { id: "not-a-list" }]) {
      expect(() => openTaskInput(bad as unknown as TaskAddParameter[])).toThrow(
        expect.objectContaining({ kind: "client", code: "InvalidInput" }),
      );
    }
  });
});
