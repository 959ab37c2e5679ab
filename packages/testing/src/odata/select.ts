// $select and $expand of the get and list operations: which top-level properties to return,
// and whether to include statistics. Names match case-insensitively and come back in the
// canonical spelling, so projection can use plain property access.

export type SelectParameter = "$select" | "$expand";

export class SelectError extends Error {
  readonly parameter: SelectParameter;
  readonly reason: string;

  constructor(reason: string, parameter: SelectParameter = "$select") {
    super(`Invalid ${parameter}: ${reason}`);
    this.name = "SelectError";
    this.parameter = parameter;
    this.reason = reason;
  }
}

function splitItems(text: string, parameter: SelectParameter): string[] {
  const items = text.split(",").map((item) => item.trim());
  items.forEach((item, index) => {
    if (item === "") {
      throw new SelectError(
        items.length === 1
          ? "no property names were given"
          : `item ${index + 1} of ${items.length} is empty; expected a comma-separated list of names`,
        parameter,
      );
    }
  });
  return items;
}

/**
 * Parses a comma-separated $select list against the properties that may be selected, returning
 * their canonical names without duplicates.
 */
export function parseSelect(text: string, allowed: readonly string[]): string[] {
  const byLowerName = new Map(allowed.map((name) => [name.toLowerCase(), name]));
  const selected = new Set<string>();
  for (const item of splitItems(text, "$select")) {
    const name = byLowerName.get(item.toLowerCase());
    if (name === undefined) {
      const hint = item.includes("/")
        ? "only top-level properties can be selected"
        : `expected one of: ${allowed.join(", ")}`;
      throw new SelectError(`'${item}' is not a property that can be selected; ${hint}`);
    }
    selected.add(name);
  }
  return [...selected];
}

/**
 * Keeps only the selected top-level properties of an item (all of them when `fields` is
 * undefined). OData annotations such as `odata.metadata` are not properties and always stay.
 */
export function projectSelect<T extends object>(
  item: T,
  fields: readonly string[] | undefined,
): Partial<T> {
  if (fields === undefined) return item;
  const keep = new Set(fields);
  const projected: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (keep.has(key) || key.startsWith("odata.")) projected[key] = value;
  }
  return projected as Partial<T>;
}

/** Parses $expand; tasks and jobs can only expand `stats`. */
export function parseExpand(text: string): { stats: boolean } {
  for (const item of splitItems(text, "$expand")) {
    if (item.toLowerCase() !== "stats") {
      throw new SelectError(
        `'${item}' cannot be expanded; the only value allowed is stats`,
        "$expand",
      );
    }
  }
  return { stats: true };
}
