// Reads the flags of a plain command line into the arguments yargs would hand the command's
// handler, with node:util's parseArgs and the options the command declared
// (option-recorder.ts). It only ever accepts: whenever yargs might read the line differently
// or refuse it (an unknown or repeated flag, a group of short flags, `--`, a positional, a
// value outside the choices, a value a check refuses, a missing required flag, two flags that
// conflict), it returns undefined and the line goes to yargs, whose errors say what is wrong.
import type { ParseArgsConfig } from "node:util";
import { parseArgs } from "node:util";
import type { RecordedCommand, RecordedOption } from "./option-recorder.js";

export type FastArguments = Record<string, unknown> & { _: string[]; $0: string };

/** yargs' camel-case form of a flag name: "if-none-match" is also "ifNoneMatch". */
function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * The handler's arguments for `flags` (the words after the command), or undefined when the
 * line is for yargs to read. `words` are the command's own words (`task get`), for `_`.
 */
export function parseFast(
  words: readonly string[],
  flags: readonly string[],
  command: RecordedCommand,
): FastArguments | undefined {
  if (command.beyond !== undefined) return undefined;
  const config: NonNullable<ParseArgsConfig["options"]> = {};
  const owners = new Map<string, RecordedOption>();
  for (const option of command.options) {
    if (option.type === undefined) continue;
    const longNames = [option.name, ...option.aliases.filter((alias) => alias.length > 1)];
    const short = option.aliases.find((alias) => alias.length === 1);
    for (const [index, name] of longNames.entries()) {
      config[name] = {
        type: option.type,
        ...(index === 0 && short !== undefined ? { short } : {}),
      };
      owners.set(name, option);
    }
  }

  let tokens: NonNullable<ReturnType<typeof parseArgs>["tokens"]>;
  try {
    ({ tokens } = parseArgs({
      args: [...flags],
      options: config,
      strict: true,
      allowPositionals: false,
      tokens: true,
    }));
  } catch {
    return undefined;
  }

  const given = new Map<RecordedOption, string | boolean>();
  for (const token of tokens) {
    if (token.kind !== "option") return undefined;
    // `-ojson` and `-qo`: yargs reads runs of short flags its own way.
    const typed = flags[token.index];
    const inlineLong = token.inlineValue === true && token.rawName.startsWith("--");
    if (typed !== token.rawName && !inlineLong) return undefined;
    const option = owners.get(token.name);
    // Twice, or under two of its names: yargs makes an array of it.
    if (option === undefined || given.has(option)) return undefined;
    given.set(option, token.value ?? true);
  }

  const args: FastArguments = { _: [...words], $0: "batch" };
  for (const option of command.options) {
    let value: unknown;
    const raw = given.get(option);
    if (raw !== undefined) {
      if (option.choices !== undefined && !option.choices.includes(raw as string)) return undefined;
      try {
        value = option.coerce === undefined ? raw : option.coerce(raw);
      } catch {
        return undefined;
      }
    } else if (option.required) {
      return undefined;
    } else if (option.hasDefault) {
      value = option.default;
    } else {
      continue;
    }
    for (const name of [option.name, ...option.aliases]) {
      args[name] = value;
      args[camelCase(name)] = value;
    }
  }

  const givenNames = new Set([...given.keys()].map((option) => option.name));
  for (const [first, second] of command.conflicts) {
    if (givenNames.has(first) && givenNames.has(second)) return undefined;
  }
  return args;
}
