// The inputs and results the task and job operations share: per-call options (base URL,
// conditional headers, OData query options) and what a read, write or list gives back.

import type { ConditionalHeaders } from "./conditions.js";
import type { ResourceVersion } from "./service-error.js";

/** Per-call context: the account URL resources are reported under (the request's origin). */
export interface CallOptions {
  baseUrl?: string | undefined;
}

export interface ConditionalOptions extends CallOptions {
  conditions?: ConditionalHeaders | undefined;
}

export interface GetOptions extends ConditionalOptions {
  /** Raw `$select` text. */
  select?: string | undefined;
  /** Raw `$expand` text. */
  expand?: string | undefined;
}

export interface ListOptions extends CallOptions {
  filter?: string | undefined;
  select?: string | undefined;
  expand?: string | undefined;
  maxResults?: number | undefined;
  /** The `$skiptoken` of a next link. */
  skipToken?: string | undefined;
}

/** What a write reports in headers: ETag, Last-Modified (epoch ms) and DataServiceId. */
export interface WriteResult {
  eTag: string;
  lastModified: number;
  url: string;
}

export interface ReadResult<T> extends WriteResult {
  body: T;
}

/**
 * One page of a list, with the version its ETag and Last-Modified headers give: the job's for
 * its tasks, the task's for its subtasks, and the job list's own (the last job change in the
 * account) for jobs.
 */
export interface ListResult<T> extends ResourceVersion {
  value: T[];
  /** Present when there may be more: the `$skiptoken` of the next page. */
  continuationToken?: string;
}
