import { describe, expect, it } from "vitest";
import { requestedCommands } from "./requested-commands.js";

const task = [
  { command: "add", aliases: ["create"] },
  { command: "get", aliases: ["show"] },
  { command: "list", aliases: ["ls"] },
];
const top = [
  { command: "task <command>" },
  { command: "job <command>" },
  { command: "configure [name]" },
];

describe("requestedCommands", () => {
  it("keeps only the command named right after its parent, by name or alias", () => {
    expect(requestedCommands(task, ["task", "get", "--job-id", "j"], "task")).toEqual([task[1]]);
    expect(requestedCommands(task, ["task", "show", "--job-id", "j"], "task")).toEqual([task[1]]);
    expect(requestedCommands(top, ["task", "get"])).toEqual([top[0]]);
    expect(requestedCommands(top, ["configure", "dev"])).toEqual([top[2]]);
  });

  it("keeps them all when the word names none: help, completion, a typo, an option first", () => {
    expect(requestedCommands(task, ["task", "--help"], "task")).toBe(task);
    expect(requestedCommands(task, ["task"], "task")).toBe(task);
    expect(requestedCommands(task, ["task", "gte"], "task")).toBe(task);
    expect(requestedCommands(task, ["task", "-o", "list", "get"], "task")).toBe(task);
    expect(requestedCommands(task, ["--get-yargs-completions", "batch", "task", ""], "task")).toBe(
      task,
    );
    expect(requestedCommands(top, ["--get-yargs-completions", "batch", ""])).toBe(top);
    expect(requestedCommands(top, ["--profile", "p", "task", "get"])).toBe(top);
    expect(requestedCommands(top, [])).toBe(top);
  });
});
