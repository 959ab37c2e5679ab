// Paging over `odata.nextLink`: `for await` over items, or `.byPage()` over pages. One page is
// fetched at a time and only when the consumer asks for more, so memory stays at one page
// whatever the length of the list.
import type { OperationId } from "@batch/types";
import { BatchError, clientError } from "./errors.js";
import { invoke, type OperationContext } from "./operations/invoke.js";
import type { ResponseMeta } from "./operations/response-meta.js";
import type { ListItem } from "./operations/results.js";
import type { PipelineRequest } from "./pipeline.js";
import { RequestHeaders } from "./request-headers.js";

export interface Page<T> {
  items: T[];
  /** The absolute nextLink of the following page; undefined on the last page. */
  continuationToken: string | undefined;
  meta: ResponseMeta;
}

export interface PageSettings {
  /** Items per page (query `maxresults`, 1 to 1000); applies to the first request. */
  maxPageSize?: number;
  /** Resume from a page's `continuationToken`. */
  continuationToken?: string;
}

export interface PagedAsyncIterable<T> extends AsyncIterable<T> {
  byPage(settings?: PageSettings): AsyncIterableIterator<Page<T>>;
}

export function createPager<T>(fetchers: {
  first: (maxPageSize: number | undefined) => Promise<Page<T>>;
  next: (continuationToken: string) => Promise<Page<T>>;
}): PagedAsyncIterable<T> {
  async function* pages(settings: PageSettings = {}): AsyncIterableIterator<Page<T>> {
    let link = settings.continuationToken;
    let page: Page<T> | undefined;
    if (link === undefined) {
      page = await fetchers.first(settings.maxPageSize);
      link = page.continuationToken;
      yield page;
    }
    while (link !== undefined) {
      // Let go of the page just handed out before the next one arrives: only the consumer
      // decides whether it stays alive, so at most one page is held at a time.
      page = undefined;
      page = await fetchers.next(link);
      link = page.continuationToken;
      yield page;
    }
  }
  return {
    byPage: pages,
    [Symbol.asyncIterator]: () => itemsOf(pages()),
  };
}

/**
 * The items of `source`'s pages, one `next()` at a time. Written by hand rather than as an async
 * generator (which awaits every value it yields): a list of 100,000 tasks then makes one promise
 * and one result per task, about half the garbage. The pages are this iterator's own, so each
 * item is released from its page as it is handed out: nothing of a page outlives its iteration
 * unless the consumer keeps it, and the garbage collector finds the page dead while the next one
 * is parsed instead of copying it.
 */
function itemsOf<T>(source: AsyncIterator<Page<T>>): AsyncIterableIterator<T> {
  let items: (T | undefined)[] = [];
  let index = 0;
  let done = false;
  /** The request for the next page, shared by calls that arrive while it is under way. */
  let filling: Promise<void> | undefined;
  const fill = async () => {
    try {
      const step = await source.next();
      if (step.done) done = true;
      else {
        items = step.value.items;
        index = 0;
      }
    } finally {
      filling = undefined;
    }
  };
  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      while (index >= items.length) {
        if (done) return { value: undefined, done: true };
        items = [];
        filling ??= fill();
        await filling;
      }
      const value = items[index] as T;
      items[index++] = undefined;
      return { value, done: false };
    },
    async return(value?: unknown): Promise<IteratorResult<T>> {
      done = true;
      items = [];
      await source.return?.(undefined);
      return { value: value as T, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** What a list operation's pager needs of its options. */
export interface ListCallOptions {
  signal?: AbortSignal | undefined;
  returnClientRequestId?: boolean | undefined;
}

/**
 * The pager of a list operation: its first page from `firstRequest` (given the page size asked
 * for), the next ones from the service's nextLinks. Nothing runs until the first `next()`, so
 * an invalid argument (an id `firstRequest` refuses) rejects there, as every other failure of
 * a list does, instead of throwing where the list is made.
 */
export function operationPager<Op extends OperationId, T = ListItem<Op>>(
  context: OperationContext,
  operation: Op,
  options: ListCallOptions,
  firstRequest: (maxPageSize: number | undefined) => PipelineRequest,
): PagedAsyncIterable<T> {
  return createPager<T>({
    first: async (maxPageSize) => {
      const invocation = await invoke(
        context,
        { operation, signal: options.signal, expectBody: true },
        firstRequest(maxPageSize),
      );
      return toPage<T>(invocation.data, invocation.meta);
    },
    next: (link) => fetchNextPage<T>(context, operation, link, options),
  });
}

interface ListBody<T> {
  value?: T[];
  "odata.nextLink"?: string;
}

export function toPage<T>(data: unknown, meta: ResponseMeta): Page<T> {
  const body = (data ?? {}) as ListBody<T>;
  const next = body["odata.nextLink"];
  return {
    items: body.value ?? [],
    continuationToken: typeof next === "string" && next !== "" ? next : undefined,
    meta,
  };
}

/**
 * GETs a nextLink exactly as the service gave it, through the pipeline (so it is signed, and
 * api-version is added only if the link lacks it). A link to another origin is refused: it would
 * carry our credentials to a host we were not configured for.
 */
export async function fetchNextPage<T>(
  context: OperationContext,
  operation: OperationId,
  link: string,
  options: ListCallOptions,
): Promise<Page<T>> {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    url = new URL("invalid:");
  }
  if (url.origin !== context.origin) {
    throw clientError(
      "InvalidNextLink",
      `${operation}: the next-page link is not an absolute URL on ${context.origin}`,
      operation,
    );
  }
  const headers = new RequestHeaders();
  if (options.returnClientRequestId) headers.set("return-client-request-id", "true");
  const result = await invoke(
    context,
    { operation, signal: options.signal, expectBody: true },
    { method: "GET", url: link, headers },
  );
  if (result.kind !== "ok") {
    throw new BatchError({ kind: "service", message: `${operation}: unexpected 304`, operation });
  }
  return toPage<T>(result.data, result.meta);
}
