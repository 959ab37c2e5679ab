// yargs-parser reads a lone `-` as a positional, never as an option's value, so
// `--json-file -` would lose its value. Before parsing, a `-` right after an option that
// accepts it is joined to that option (`--json-file=-`), which yargs-parser keeps.
const optionsTakingDash = new Set(["--json-file", "--account-key"]);

export function joinStdinDashes(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (const arg of args) {
    const previous = joined.at(-1);
    if (arg === "-" && previous !== undefined && optionsTakingDash.has(previous)) {
      joined[joined.length - 1] = `${previous}=-`;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}
