// Which columns `-o table` and `-o tsv` show. Commands name a view for what they print (tasks,
// jobs, add results ...); anything else, and any `--query` result, gets columns derived from
// its scalar top-level properties, as az does.
export interface Column {
  header: string;
  value: (item: unknown) => unknown;
  /** Never cut in a table, however long: ids name things and are useless shortened. */
  whole?: boolean;
}

export interface TableView {
  columns: readonly Column[];
}

function path(...keys: string[]): (item: unknown) => unknown {
  return (item) => {
    let current: unknown = item;
    for (const key of keys) {
      if (typeof current !== "object" || current === null) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}

export const taskView: TableView = {
  columns: [
    { header: "Id", value: path("id"), whole: true },
    { header: "State", value: path("state") },
    { header: "Result", value: path("executionInfo", "result") },
    { header: "ExitCode", value: path("executionInfo", "exitCode") },
    { header: "Retries", value: path("executionInfo", "retryCount") },
    { header: "CommandLine", value: path("commandLine") },
  ],
};

export const jobView: TableView = {
  columns: [
    { header: "Id", value: path("id"), whole: true },
    { header: "State", value: path("state") },
    { header: "Pool", value: path("poolInfo", "poolId") },
    { header: "Priority", value: path("priority") },
    { header: "Created", value: path("creationTime") },
  ],
};

export const subtaskView: TableView = {
  columns: [
    { header: "Id", value: path("id"), whole: true },
    { header: "State", value: path("state") },
    { header: "ExitCode", value: path("exitCode") },
    { header: "Node", value: path("nodeInfo", "nodeId"), whole: true },
  ],
};

export const taskAddResultView: TableView = {
  columns: [
    { header: "TaskId", value: path("taskId"), whole: true },
    { header: "Status", value: path("status") },
    { header: "Error", value: path("code") },
    { header: "Message", value: path("message") },
    { header: "Input", value: path("input") },
  ],
};

export const waitSummaryView: TableView = {
  columns: [
    { header: "Total", value: path("total") },
    { header: "Active", value: path("active") },
    { header: "Running", value: path("running") },
    { header: "Completed", value: path("completed") },
    { header: "Succeeded", value: path("succeeded") },
    { header: "Failed", value: path("failed") },
    { header: "FailedTasks", value: failedTasksText, whole: true },
  ],
};

/** How many failed task ids `task wait` names in a table; the JSON forms list them all. */
const failedTasksShown = 10;

function failedTasksText(item: unknown): string {
  const ids = path("failedTaskIds")(item);
  if (!Array.isArray(ids)) return "";
  const shown = ids.slice(0, failedTasksShown).join(",");
  const more = ids.length - failedTasksShown;
  return more > 0 ? `${shown} and ${more} more (-o json lists all)` : shown;
}

export const taskCountsView: TableView = {
  columns: [
    { header: "Active", value: path("taskCounts", "active") },
    { header: "Running", value: path("taskCounts", "running") },
    { header: "Completed", value: path("taskCounts", "completed") },
    { header: "Succeeded", value: path("taskCounts", "succeeded") },
    { header: "Failed", value: path("taskCounts", "failed") },
  ],
};

function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== "object" && typeof value !== "function");
}

/** Columns for data with no view of its own: every scalar top-level property, in order of first appearance. */
export function derivedView(items: readonly unknown[]): TableView {
  if (items.every((item) => isScalar(item))) {
    return { columns: [{ header: "Result", value: (item) => item }] };
  }
  const keys: string[] = [];
  for (const item of items) {
    if (!isObjectItem(item)) continue;
    for (const [key, value] of Object.entries(item as object)) {
      if (isScalar(value) && !keys.includes(key)) keys.push(key);
    }
  }
  const columns: Column[] = keys.map((key) => ({
    header: headerFor(key),
    value: path(key),
    ...(isIdKey(key) ? { whole: true } : {}),
  }));
  // A mixed result (`--query "[id, state, tags]"` over objects and scalars): what is not an
  // object gets a column of its own rather than an empty row.
  if (items.some((item) => !isObjectItem(item))) {
    columns.push({ header: "Value", value: (item) => (isObjectItem(item) ? undefined : item) });
  }
  return { columns };
}

function isObjectItem(item: unknown): boolean {
  return typeof item === "object" && item !== null && !Array.isArray(item);
}

/** `id`, `taskId`, `requestId`, ...: the names of what a derived column holds whole. */
function isIdKey(key: string): boolean {
  return key === "id" || /[a-z]Id$/.test(key);
}

function headerFor(key: string): string {
  return key.length === 0 ? key : key[0]?.toUpperCase() + key.slice(1);
}

/** A cell's text: scalars as they are, nested values as compact JSON, nothing for null. */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export interface Tabulated {
  headers: string[];
  rows: string[][];
  /** Per column: never cut (see Column.whole). */
  whole: boolean[];
}

/**
 * Turns items into header and rows: through the view when there is one, by position when the
 * items are themselves arrays (e.g. `--query "[].[id,state]"`), otherwise by derived columns.
 */
export function tabulate(items: readonly unknown[], view: TableView | undefined): Tabulated {
  if (view === undefined && items.length > 0 && items.every((item) => Array.isArray(item))) {
    const width = Math.max(...items.map((item) => (item as unknown[]).length));
    return {
      headers: Array.from({ length: width }, (_, index) => `Column${index + 1}`),
      whole: Array.from({ length: width }, () => false),
      rows: items.map((item) =>
        Array.from({ length: width }, (_, index) => cellText((item as unknown[])[index])),
      ),
    };
  }
  const columns = (view ?? derivedView(items)).columns;
  return {
    headers: columns.map((column) => column.header),
    whole: columns.map((column) => column.whole === true),
    rows: items.map((item) => columns.map((column) => cellText(column.value(item)))),
  };
}
