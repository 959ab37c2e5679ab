// The usage error for a mistyped command names the word typed.
import { describe, expect, it } from "vitest";
import { commandWordOf, unknownCommandMessage } from "./unknown-command.js";

const groups = ["task", "job"];

describe("unknownCommandMessage", () => {
  it("names the word in command position, at the top level or in a group", () => {
    expect(unknownCommandMessage("Did you mean show?", ["task", "foo"], groups)).toBe(
      "unknown command 'foo'; did you mean show?",
    );
    expect(unknownCommandMessage("Did you mean task?", ["tsk", "list"], groups)).toBe(
      "unknown command 'tsk'; did you mean task?",
    );
    expect(unknownCommandMessage("Unknown argument: zz", ["job", "zz"], groups)).toBe(
      "unknown command 'zz'; see `batch job --help`",
    );
  });

  it("leaves other messages, such as an unknown flag's, to yargs' wording", () => {
    expect(
      unknownCommandMessage("Unknown arguments: colour", ["task", "list", "--colour"], groups),
    ).toBeUndefined();
    expect(commandWordOf(["task", "--help"], groups)).toEqual({ word: undefined, group: "task" });
  });
});
