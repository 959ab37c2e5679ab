// `--query`: JMESPath (https://jmespath.org) over the command's result, as in az. The jmespath
// package is loaded only when a query is given.
import { usageError } from "../errors/cli-error.js";
import { exportsOf } from "../lazy-import.js";

interface Jmespath {
  search(data: unknown, expression: string): unknown;
  compile(expression: string): unknown;
}

async function loadJmespath(): Promise<Jmespath> {
  const jmespath = exportsOf<Partial<Jmespath>>(await import("jmespath"));
  if (typeof jmespath.search !== "function" || typeof jmespath.compile !== "function") {
    throw new Error("the jmespath module has no search function");
  }
  return jmespath as Jmespath;
}

export type Query = (data: unknown) => unknown;

/** The jmespath error's message; its sort_by() throws a bare "TypeError" without one. */
function queryErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message === "TypeError"
    ? "TypeError: sort_by() needs a key that is a number or a string for every item"
    : message;
}

/** Parses the expression before any request is sent, so a typo costs no round trip. */
export async function compileQuery(expression: string): Promise<Query> {
  const jmespath = await loadJmespath();
  try {
    jmespath.compile(expression);
  } catch (error) {
    throw usageError(`invalid --query: ${(error as Error).message}`, "InvalidQuery");
  }
  return (data) => {
    // Results are JSON from the service; the round trip drops what JMESPath cannot see (Dates, undefined).
    const plain: unknown = data === undefined ? null : JSON.parse(JSON.stringify(data));
    try {
      return jmespath.search(plain, expression);
    } catch (error) {
      throw usageError(`--query failed: ${queryErrorText(error)}`, "InvalidQuery");
    }
  };
}
