// `-o table`: aligned columns without borders, as az prints them. cli-table3 does the layout;
// it is loaded on first use only, to keep it off the start-up path of every other format.
// A streamed list is printed page by page, so the first page fixes the column widths and the
// header; later pages reuse the widths (cutting longer cells with an ellipsis) so the columns
// of the whole list line up.

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
      return Math.min(Math.max(widest, 1), maxColumnWidth) + gap;
    }),
  };
}

/** Renders rows in the given layout, with the header and its underline when `withHeader`. */
export async function tableText(
  table: Tabulated,
  layout: TableLayout,
  withHeader: boolean,
  colors: Colors,
): Promise<string> {
  if (table.headers.length === 0) return "";
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
