// Prints command results on stdout in the chosen `-o` format, after `--query` when one is given.
// Lists are written page by page as they arrive (json, jsonc and yaml included, by emitting
// the enclosing array incrementally), so a long list never sits in memory. A query needs the
// whole result, so with `--query` a list is gathered first and printed once.
import type { Writable } from "node:stream";
import type { Colors } from "picocolors/types.js";
import { exportsOf } from "../lazy-import.js";
import { stdoutFailure } from "../terminal/stdout-failure.js";
import { colorizeJson } from "./jsonc.js";
import { withoutAnnotations } from "./odata-annotations.js";
import type { OutputFormat } from "./output-format.js";
import type { Query } from "./query.js";
import { layoutFor, type TableLayout, tableText } from "./table-text.js";
import { derivedView, type TableView, tabulate } from "./table-view.js";
import { tsvText } from "./tsv-text.js";

export interface OutputSettings {
  format: OutputFormat;
  query: Query | undefined;
  colors: Colors;
  stdout: Writable;
}

export interface ListPrinter {
  /** Prints one page of items. */
  page(items: readonly unknown[]): Promise<void>;
  /** Closes the list (the `]` of JSON, the whole list when a query is applied). */
  end(): Promise<void>;
  /**
   * The list failed part way: leaves what was printed well formed (JSON's array is closed)
   * and prints nothing more; with a query, nothing was printed and nothing is. Resolves to
   * the number of items that stand on stdout.
   */
  abandon(): Promise<number>;
}

export interface OutputWriter {
  readonly format: OutputFormat;
  /** Prints one result: an object, a list already in memory, or a scalar. */
  value(value: unknown, view?: TableView): Promise<void>;
  /** Starts a list printed page by page. */
  list(view?: TableView): ListPrinter;
}

function write(stdout: Writable, text: string): Promise<void> {
  if (text.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stdout.write(text, (error) => (error ? reject(stdoutFailure(error)) : resolve()));
  });
}

async function yamlText(value: unknown): Promise<string> {
  const { stringify } = exportsOf<typeof import("yaml")>(await import("yaml"));
  return stringify(value, { lineWidth: 0 });
}

function indent(text: string): string {
  return text.replace(/^/gm, "  ");
}

export function createOutputWriter(settings: OutputSettings): OutputWriter {
  const { format, query, colors, stdout } = settings;

  function json(value: unknown): string {
    const text = JSON.stringify(value ?? null, null, 2);
    return format === "jsonc" ? colorizeJson(text, colors) : text;
  }

  async function renderWhole(value: unknown, view: TableView | undefined): Promise<string> {
    switch (format) {
      case "none":
        return "";
      case "json":
      case "jsonc":
        return `${json(value)}\n`;
      case "yaml":
        return yamlText(value ?? null);
      case "ndjson":
        return Array.isArray(value)
          ? value.map((item) => `${JSON.stringify(item ?? null)}\n`).join("")
          : `${JSON.stringify(value ?? null)}\n`;
      case "tsv":
      case "table": {
        const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
        const table = tabulate(items, view);
        return format === "tsv" ? tsvText(table) : tableText(table, layoutFor(table), true, colors);
      }
    }
  }

  return {
    format,

    async value(raw, view) {
      const value = withoutAnnotations(raw);
      if (query !== undefined) {
        await write(stdout, await renderWhole(query(value), undefined));
        return;
      }
      await write(stdout, await renderWhole(value, view));
    },

    list(view) {
      if (query !== undefined) {
        const gathered: unknown[] = [];
        return {
          async page(items) {
            gathered.push(...items.map(withoutAnnotations));
          },
          async end() {
            await write(stdout, await renderWhole(query(gathered), undefined));
          },
          async abandon() {
            return 0;
          },
        };
      }
      let count = 0;
      let shown = 0;
      let layout: TableLayout | undefined;
      // Columns are fixed by the first page so that every page lines up under one header.
      let pageView = view;
      return {
        async page(rawItems) {
          if (rawItems.length === 0) return;
          const items = rawItems.map(withoutAnnotations);
          let text = "";
          switch (format) {
            case "none":
              break;
            case "json":
            case "jsonc":
              for (const item of items) {
                text += `${count === 0 ? "[\n" : ",\n"}${indent(json(item))}`;
                count++;
              }
              break;
            case "yaml":
              text = await yamlText(items);
              count += items.length;
              break;
            case "ndjson":
              text = items.map((item) => `${JSON.stringify(item ?? null)}\n`).join("");
              break;
            case "tsv":
              pageView ??= derivedView(items);
              text = tsvText(tabulate(items, pageView));
              break;
            case "table": {
              pageView ??= derivedView(items);
              const table = tabulate(items, pageView);
              const first = layout === undefined;
              layout ??= layoutFor(table);
              text = await tableText(table, layout, first, colors);
              break;
            }
          }
          await write(stdout, text);
          if (format !== "none") shown += items.length;
        },
        async end() {
          if (format === "json" || format === "jsonc") {
            await write(stdout, count === 0 ? "[]\n" : "\n]\n");
          } else if (format === "yaml" && count === 0) {
            await write(stdout, "[]\n");
          }
        },
        async abandon() {
          if ((format === "json" || format === "jsonc") && count > 0) await write(stdout, "\n]\n");
          return shown;
        },
      };
    },
  };
}
