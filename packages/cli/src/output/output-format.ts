// The output formats of `-o/--output` and the default when none is given.
export const outputFormats = ["json", "jsonc", "table", "tsv", "yaml", "ndjson", "none"] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** Like az and gh: a table for people at a terminal, JSON for programs reading a pipe. */
export function defaultOutputFormat(stdoutIsTty: boolean): OutputFormat {
  return stdoutIsTty ? "table" : "json";
}
