// Names the word a user typed where a command was expected, for the usage error: yargs says
// only "Did you mean get?" or "Unknown argument: foo". The word is found as requested-commands.ts
// finds commands: the first word, or the word after a command group's name.

/** The word in command position (`foo` in `batch task foo`), and the group it is under. */
export function commandWordOf(
  args: readonly string[],
  groups: readonly string[],
): { word: string | undefined; group: string | undefined } {
  const [first, second] = args;
  const inGroup = first !== undefined && groups.includes(first);
  const word = inGroup ? second : first;
  return {
    word: word === undefined || word.startsWith("-") ? undefined : word,
    group: inGroup ? first : undefined,
  };
}

/** The usage message for yargs' `message`, when it is about a command word; else undefined. */
export function unknownCommandMessage(
  message: string,
  args: readonly string[],
  groups: readonly string[],
): string | undefined {
  const { word, group } = commandWordOf(args, groups);
  const named = word === undefined ? "" : ` '${word}'`;
  const suggestion = /^Did you mean (.+)\?$/.exec(message);
  if (suggestion) return `unknown command${named}; did you mean ${suggestion[1]}?`;
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (word !== undefined && unknown?.[1]?.split(", ").includes(word)) {
    return `unknown command${named}; see \`batch${group === undefined ? "" : ` ${group}`} --help\``;
  }
  return undefined;
}
