// `-o tsv`: one line per item, the table's columns separated by tabs, no header, for `cut`,
// `read` and friends. Tabs and line breaks inside values become spaces so rows stay rows.
import type { Tabulated } from "./table-view.js";

export function tsvText(table: Tabulated): string {
  return table.rows
    .map((row) => `${row.map((cell) => cell.replace(/[\t\r\n]+/g, " ")).join("\t")}\n`)
    .join("");
}
