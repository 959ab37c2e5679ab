// How many items a list command prints. Like gh (and unlike az, which prints every item), a
// list stops after a default number of items unless --all or --max-items says otherwise, and
// says so on stderr when it stopped early; pages are fetched only as they are printed.
import type { Argv } from "yargs";
import { CliError } from "../errors/cli-error.js";
import { exitCodeForError } from "../errors/exit-code-for-error.js";
import { formatErrorLine } from "../errors/format-error-line.js";
import type { TableView } from "../output/table-view.js";
import { isStdoutFailure } from "../terminal/stdout-failure.js";
import type { CommandContext } from "./command-context.js";
import { numberFlag, numberRules } from "./number-flag.js";

const defaultMaxItems = 1000;

export interface ListLimitArgs {
  maxItems?: number | undefined;
  all?: boolean | undefined;
}

export function withListLimitOptions<T>(yargs: Argv<T>): Argv<T & ListLimitArgs> {
  return yargs
    .option(
      "max-items",
      numberFlag("max-items", numberRules.maxItems, {
        describe: `Print at most this many items (default ${defaultMaxItems})`,
        group: "Query:",
      }),
    )
    .option("all", {
      type: "boolean",
      describe: "Print every item, following every page",
      group: "Query:",
    })
    .conflicts("all", "max-items") as unknown as Argv<T & ListLimitArgs>;
}

/** The item cap, or undefined for no cap (--max-items is checked as it is parsed). */
export function itemLimit(args: ListLimitArgs): number | undefined {
  return args.all ? undefined : (args.maxItems ?? defaultMaxItems);
}

/** The page size to ask for: --max-results, else no more than the items that will be printed. */
function pageSize(maxResults: number | undefined, limit: number | undefined): number | undefined {
  if (maxResults !== undefined) return maxResults;
  return limit !== undefined && limit < 1000 ? limit : undefined;
}

export interface PageLike<T> {
  items: T[];
  continuationToken: string | undefined;
}

export interface PrintListOptions {
  /** From itemLimit(): at most this many items, or undefined for all. */
  limit: number | undefined;
  /** --max-results, the page size asked of the service. */
  maxResults: number | undefined;
  view: TableView;
  /** What the items are, for the note when the list stops early ("tasks"). */
  noun: string;
}

/** Prints a paged list up to the limit, asking for pages no larger than it needs. */
export function printList<T>(
  context: CommandContext,
  list: { byPage(settings: { maxPageSize?: number }): AsyncIterable<PageLike<T>> },
  options: PrintListOptions,
): Promise<number> {
  const maxPageSize = pageSize(options.maxResults, options.limit);
  return printPages(
    context,
    list.byPage(maxPageSize === undefined ? {} : { maxPageSize }),
    options,
  );
}

/** The error of a list that failed after `shown` items were printed: same status, and says so. */
function incompleteList(error: unknown, shown: number): CliError {
  const line = formatErrorLine(error).replace(/^error: /, "");
  return new CliError(
    `${line}; the list is incomplete: ${shown} ${shown === 1 ? "item" : "items"} printed before the error`,
    { exitCode: exitCodeForError(error), cause: error },
  );
}

/** Prints pages as they arrive, up to the limit; returns how many items were printed. */
export async function printPages<T>(
  context: CommandContext,
  pages: AsyncIterable<PageLike<T>>,
  options: { limit: number | undefined; view: TableView; noun: string },
): Promise<number> {
  const printer = context.output.list(options.view);
  let printed = 0;
  let truncated = false;
  try {
    for await (const page of pages) {
      const room = options.limit === undefined ? page.items.length : options.limit - printed;
      const items = page.items.slice(0, room);
      await printer.page(items);
      printed += items.length;
      if (options.limit !== undefined && printed >= options.limit) {
        truncated = items.length < page.items.length || page.continuationToken !== undefined;
        break;
      }
    }
  } catch (error) {
    // A later page failed (or the run was interrupted): what was printed stays well formed
    // (JSON's array closed), and the error is reported on stderr with its own exit status,
    // saying the list is incomplete so that a script does not take the output as all of it.
    if (isStdoutFailure(error)) throw error;
    const shown = await printer.abandon();
    if (shown === 0 || context.signal.aborted) throw error;
    throw incompleteList(error, shown);
  }
  await printer.end();
  if (truncated) {
    context.note(
      `showing the first ${printed} ${options.noun}; there are more (use --all or --max-items)`,
    );
  }
  return printed;
}
