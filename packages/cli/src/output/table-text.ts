// `-o table`: aligned columns without borders, as az prints them. cli-table3 does the layout;
// it is loaded on first use only, to keep it off the start-up path of every other format.
// A streamed list is printed page by page, so the first page fixes the column widths and the
// header; later pages reuse the widths (cutting longer cells with an ellipsis) so the columns
// of the whole list line up. Ids are never cut: their columns are as wide as the longest id,
// and a later page with a longer one widens its column from there on.

import type CliTable3 from "cli-table3";
import type { Colors } from "picocolors/types.js";
import { exportsOf } from "../lazy-import.js";
import type { Tabulated } from "./table-view.js";

type CliTable3Constructor = new (options?: CliTable3.TableConstructorOptions) => CliTable3.Table;

const maxColumnWidth = 60;
const gap = 2;

export interface TableLayout {
  widths: number[];
}

const blankChars = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: "",
};

function displayWidth(text: string): number {
  let width = 0;
  for (const _ of text) width++;
  return width;
}

export function layoutFor(table: Tabulated): TableLayout {
  return {
    widths: table.headers.map((header, index) => {
      const widest = Math.max(
        displayWidth(header),
        ...table.rows.map((row) => displayWidth(row[index] ?? "")),
      );
      const capped = table.whole[index] ? widest : Math.min(widest, maxColumnWidth);
      return Math.max(capped, 1) + gap;
    }),
  };
}

/** Widens the layout's id columns to fit this page's longest ids. */
function fitWholeColumns(table: Tabulated, layout: TableLayout): void {
  for (const [index, whole] of table.whole.entries()) {
    if (!whole) continue;
    const widest = Math.max(0, ...table.rows.map((row) => displayWidth(row[index] ?? "")));
    layout.widths[index] = Math.max(layout.widths[index] ?? 0, widest + gap);
  }
}

/** Renders rows in the given layout, with the header and its underline when `withHeader`. */
export async function tableText(
  table: Tabulated,
  layout: TableLayout,
  withHeader: boolean,
  colors: Colors,
): Promise<string> {
  if (table.headers.length === 0) return "";
  fitWholeColumns(table, layout);
  const Table = exportsOf<CliTable3Constructor>(await import("cli-table3"));
  const rendered = new Table({
    chars: blankChars,
    colWidths: layout.widths,
    wordWrap: false,
    truncate: "…",
    style: { head: [], border: [], "padding-left": 0, "padding-right": gap },
  });
  if (withHeader) {
    rendered.push(table.headers.map((header) => colors.bold(header)));
    rendered.push(layout.widths.map((width) => "-".repeat(width - gap)));
  }
  for (const row of table.rows) rendered.push(row);
  // cli-table3 pads every line to the full width; trailing blanks only get in the way.
  return `${rendered
    .toString()
    .split("\n")
    .map((line: string) => line.trimEnd())
    .join("\n")}\n`;
}
