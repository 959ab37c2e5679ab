// What a command's yargs builder declares, read without yargs: the builder runs against a
// stand-in for yargs' Argv that records each option and each conflict. Whatever else a builder
// may ask of yargs (positionals, checks, implications, nested commands) is noted as beyond the
// fast path, which then leaves the whole command line to yargs. An option of a kind the fast
// path does not read the way yargs does (arrays, counts, untyped values) is recorded as such:
// a command line that uses it goes to yargs.
import type { Argv } from "yargs";

export interface RecordedOption {
  /** The name as declared, e.g. "job-id". */
  readonly name: string;
  readonly aliases: readonly string[];
  /** undefined: a kind of option the fast path leaves to yargs. */
  readonly type: "string" | "boolean" | undefined;
  readonly choices?: readonly string[] | undefined;
  readonly coerce?: ((raw: unknown) => unknown) | undefined;
  readonly required: boolean;
  readonly hasDefault: boolean;
  readonly default?: unknown;
}

export interface RecordedCommand {
  readonly options: readonly RecordedOption[];
  /** Pairs of option names that yargs refuses together. */
  readonly conflicts: readonly (readonly [string, string])[];
  /** The first thing the builder asked for that the fast path cannot reproduce. */
  readonly beyond: string | undefined;
}

interface OptionSpec {
  alias?: string | readonly string[];
  type?: string;
  choices?: readonly unknown[];
  coerce?: (raw: unknown) => unknown;
  demandOption?: boolean | string;
  default?: unknown;
}

// Spec keys that change nothing in the parsed values (help text, or a value required after
// the flag, which the fast path requires of every non-boolean flag anyway).
const presentationKeys = new Set(["describe", "description", "desc", "group", "requiresArg"]);
const readKeys = new Set(["alias", "type", "choices", "coerce", "demandOption", "default"]);

/** Runs `builder` against a recording stand-in for yargs and returns what it declared. */
export function recordCommand(builder: (yargs: Argv) => unknown): RecordedCommand {
  const options: RecordedOption[] = [];
  const conflicts: [string, string][] = [];
  let beyond: string | undefined;

  const addOption = (name: string, spec: OptionSpec) => {
    const aliases = spec.alias === undefined ? [] : [spec.alias].flat();
    const readable =
      Object.keys(spec).every((key) => presentationKeys.has(key) || readKeys.has(key)) &&
      (spec.type === "string" ||
        spec.type === "boolean" ||
        (spec.type === undefined &&
          spec.choices !== undefined &&
          spec.choices.every((choice) => typeof choice === "string")));
    const type = readable ? (spec.type === "boolean" ? "boolean" : "string") : undefined;
    const hasDefault = "default" in spec;
    // An option the fast path cannot read must never be needed: when yargs would always set
    // it (a default) or always ask for it (required), the command is beyond the fast path.
    if (type === undefined && (hasDefault || spec.demandOption)) beyond ??= `option ${name}`;
    // yargs passes defaults through coerce too; none of ours has both, so do not guess.
    if (hasDefault && spec.coerce !== undefined) beyond ??= `option ${name}`;
    options.push({
      name,
      aliases,
      type,
      choices: spec.choices as readonly string[] | undefined,
      coerce: spec.coerce,
      required: Boolean(spec.demandOption),
      hasDefault,
      default: spec.default,
    });
  };

  const recorder: Argv = new Proxy({} as Argv, {
    get(_target, key) {
      // Not a promise: `then` and symbols are not yargs methods.
      if (typeof key !== "string" || key === "then") return undefined;
      switch (key) {
        case "option":
          return (name: string | Record<string, OptionSpec>, spec: OptionSpec = {}) => {
            if (typeof name === "string") addOption(name, spec);
            else for (const [each, eachSpec] of Object.entries(name)) addOption(each, eachSpec);
            return recorder;
          };
        case "options":
          return (specs: Record<string, OptionSpec>) => {
            for (const [name, spec] of Object.entries(specs)) addOption(name, spec);
            return recorder;
          };
        case "conflicts":
          return (name: string | Record<string, string | string[]>, others?: string | string[]) => {
            const table = typeof name === "string" ? { [name]: others ?? [] } : name;
            for (const [first, seconds] of Object.entries(table)) {
              for (const second of [seconds].flat()) conflicts.push([first, second]);
            }
            return recorder;
          };
        case "example":
        case "usage":
        case "epilogue":
          return () => recorder;
        default:
          return () => {
            beyond ??= `.${key}()`;
            return recorder;
          };
      }
    },
  });
  builder(recorder);
  return { options, conflicts, beyond };
}
