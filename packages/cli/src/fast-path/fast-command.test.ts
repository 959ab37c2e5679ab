// The fast path against yargs as the oracle: for every command it can run, the arguments it
// hands the handler must be exactly those yargs would, and every command line yargs would
// read differently or refuse must be passed on to yargs (undefined), never run.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CliRuntime } from "../commands/command-context.js";
import type { CommandGroup, SubCommand } from "../commands/command-group.js";
import { topCommands } from "../commands/command-tree.js";
import { withGlobalOptions } from "../commands/global-args.js";
import { ExitCode } from "../exit-codes.js";
import { buildProgram } from "../program.js";
import { fastArguments, fastCommand } from "./fast-command.js";
import { type RecordedOption, recordCommand } from "./option-recorder.js";

function runtime(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliRuntime {
  return {
    args,
    io: { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env },
    signal: new AbortController().signal,
    exitCode: ExitCode.ok,
  };
}

class Captured {
  constructor(readonly args: Record<string, unknown>) {}
}

/** What yargs hands the handler for `args`, or the error it refuses them with. */
async function yargsArguments(
  args: readonly string[],
): Promise<{ args: Record<string, unknown> } | { refused: string }> {
  try {
    await (await buildProgram([...args], runtime(args)))
      .middleware((parsed) => {
        throw new Captured({ ...parsed });
      })
      .parseAsync();
  } catch (error) {
    if (error instanceof Captured) return { args: error.args };
    return { refused: error instanceof Error ? error.message : String(error) };
  }
  return { refused: "yargs ran no command" };
}

const groups = topCommands(runtime([])).filter(
  (command): command is CommandGroup => "group" in command,
);
const leaves = groups.flatMap((group) =>
  group.group
    .commands()
    .filter((command) => !String([command.command].flat()[0]).includes(" "))
    .map((command) => ({ words: [group.group.name, name(command)], command })),
);

function name(command: SubCommand): string {
  return String([command.command].flat()[0]);
}

function optionsOf(command: SubCommand): readonly RecordedOption[] {
  const builder = command.builder as (yargs: never) => unknown;
  return recordCommand((yargs) => builder(withGlobalOptions(yargs) as never)).options;
}

// Values that pass the flags' checks: an id or number, a date, a GUID, a duration.
const candidates = ["5", "2025-06-01T12:00:00Z", "9c6b1e2a-4f3d-4b8e-a1c2-3d4e5f607182", "30s"];

/** A value yargs accepts for `option` on top of `base`, tried in the order above. */
async function acceptedValue(base: readonly string[], option: RecordedOption): Promise<string> {
  for (const value of option.choices ?? candidates) {
    if ("args" in (await yargsArguments([...base, `--${option.name}`, value]))) return value;
  }
  throw new Error(`no candidate value passes --${option.name} in ${base.join(" ")}`);
}

/** The valid command lines of a command: its required flags, then each other flag in turn. */
async function validLines(words: string[], command: SubCommand): Promise<string[][]> {
  const options = optionsOf(command).filter((option) => option.type !== undefined);
  // Every required flag of ours is an id or a file name.
  const base = [...words];
  for (const option of options.filter((each) => each.required)) {
    base.push(`--${option.name}`, option.choices?.[0] ?? "5");
  }
  const lines = [base];
  const everything = [...base];
  for (const option of options.filter((each) => !each.required)) {
    if (option.type === "boolean") {
      lines.push([...base, `--${option.name}`]);
      everything.push(`--${option.name}`);
      continue;
    }
    const value = await acceptedValue(base, option);
    lines.push([...base, `--${option.name}`, value], [...base, `--${option.name}=${value}`]);
    for (const choice of option.choices ?? []) lines.push([...base, `--${option.name}`, choice]);
    for (const alias of option.aliases) {
      lines.push([...base, alias.length === 1 ? `-${alias}` : `--${alias}`, value]);
    }
    if (!everything.includes(`--${option.name}`)) everything.push(`--${option.name}`, value);
  }
  if ("args" in (await yargsArguments(everything))) lines.push(everything);
  return lines;
}

describe("the fast path", () => {
  it("reads every plain command line of every command exactly as yargs does", async () => {
    expect(leaves.length).toBeGreaterThanOrEqual(17);
    let compared = 0;
    for (const { words, command } of leaves) {
      for (const line of await validLines(words, command)) {
        const oracle = await yargsArguments(line);
        expect(oracle, line.join(" ")).toHaveProperty("args");
        const fast = fastArguments(line, runtime(line));
        expect(fast, line.join(" ")).toBeDefined();
        expect({ line: line.join(" "), args: fast?.args }).toEqual({
          line: line.join(" "),
          args: "args" in oracle ? oracle.args : undefined,
        });
        compared++;
      }
    }
    // Each command's lines, with a flag or an alias each: a few hundred in all.
    expect(compared).toBeGreaterThan(200);
  }, 120_000);

  it("runs the command the line names, under az's names too", () => {
    const line = ["task", "show", "--job-id", "j", "--id", "t"];
    const found = fastArguments(line, runtime(line));
    expect(found?.command.command).toBe("get");
    expect(found?.args).toMatchObject({ jobId: "j", taskId: "t", id: "t", _: ["task", "show"] });
  });

  const base = ["task", "get", "--job-id", "j", "--task-id", "t"];
  const passedOn: [string, string[]][] = [
    ["help", [...base, "--help"]],
    ["short help", [...base, "-h"]],
    ["version", [...base, "--version"]],
    ["a group's help", ["task", "--help"]],
    ["no command", ["task"]],
    ["an unknown command", ["task", "fetch", "--job-id", "j"]],
    ["a command outside the groups", ["configure", "dev"]],
    ["a command with positionals", ["profile", "show", "dev"]],
    ["completion", ["completion"]],
    ["yargs' completion request", ["--get-yargs-completions", "task", "g"]],
    ["an unknown flag", [...base, "--bogus", "1"]],
    ["a flag in camel case", ["task", "get", "--jobId", "j", "--task-id", "t"]],
    ["a negated boolean", [...base, "--no-verbose"]],
    ["a boolean given a value", [...base, "--verbose=false"]],
    ["a positional", [...base, "extra"]],
    ["the end of options", [...base, "--"]],
    ["a flag given twice", [...base, "--job-id", "k"]],
    ["a flag given under its alias too", [...base, "--id", "u"]],
    ["a run of short flags", [...base, "-qo", "json"]],
    ["a short flag with its value attached", [...base, "-ojson"]],
    ["a value outside the choices", [...base, "-o", "xml"]],
    ["a value a check refuses", [...base, "--max-retries", "abc"]],
    ["an empty id", ["task", "get", "--job-id", "", "--task-id", "t"]],
    ["a missing required flag", ["task", "get", "--job-id", "j"]],
    ["a flag without its value", [...base, "--query"]],
    ["a value that looks like a flag", ["task", "get", "--job-id", "-j", "--task-id", "t"]],
    ["an array flag", ["task", "add", "--job-id", "j", "--id", "t", "--depends-on", "a", "b"]],
    ["conflicting flags", ["task", "list", "--job-id", "j", "--all", "--max-items", "5"]],
    [
      "a field flag with --json-file",
      ["task", "add", "--job-id", "j", "--json-file", "t.json", "--command-line", "x"],
    ],
  ];
  it.each(passedOn)("passes %s on to yargs", (_what, line) => {
    expect(fastArguments(line, runtime(line))).toBeUndefined();
  });

  it("is off with BATCH_FAST_PATH=0", () => {
    expect(fastCommand(base, runtime(base))).toBeDefined();
    expect(fastCommand(base, runtime(base, { BATCH_FAST_PATH: "0" }))).toBeUndefined();
    expect(fastCommand(base, runtime(base, { BATCH_FAST_PATH: "false" }))).toBeUndefined();
  });
});
