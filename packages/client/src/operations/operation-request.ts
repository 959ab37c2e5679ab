// Builds the request of a typed operation directly from the spec's path template and its
// parameters, typed by @batch/types' `paths`: the URL (path values and query values
// percent-encoded, undefined ones left out) and the headers. This is what openapi-fetch would
// build, without making a `Request` and serializing through it on every call; `client.raw` still
// goes through openapi-fetch.
import type { paths } from "@batch/types";
import type { PipelineRequest } from "../pipeline.js";
import { RequestHeaders } from "../request-headers.js";

type Method = "get" | "put" | "post" | "delete";

/** The spec's parameters of `method` on `path` (path, query, header). */
export type OperationParameters<P extends keyof paths, M extends Method> =
  NonNullable<paths[P][M]> extends { parameters: infer Parameters } ? Parameters : never;

interface LooseParameters {
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined>;
  header?: Record<string, string | number | boolean | undefined>;
}

const templateField = /\{([^}]+)\}/g;

export function operationRequest<P extends keyof paths & string, M extends Method>(
  baseUrl: string,
  method: M,
  path: P,
  parameters: OperationParameters<P, M>,
): PipelineRequest {
  const given = parameters as LooseParameters;
  const values = given.path;
  let url =
    baseUrl +
    (values === undefined
      ? path
      : path.replace(templateField, (_, name: string) => encodeURIComponent(String(values[name]))));
  let separator = "?";
  const query = given.query;
  if (query !== undefined) {
    for (const name in query) {
      const value = query[name];
      if (value === undefined || value === null) continue;
      url += `${separator}${name}=${encodeURIComponent(String(value))}`;
      separator = "&";
    }
  }
  const headers = new RequestHeaders();
  const header = given.header;
  if (header !== undefined) {
    for (const name in header) {
      const value = header[name];
      if (value !== undefined && value !== null) headers.set(name, String(value));
    }
  }
  return { method: method.toUpperCase(), url, headers };
}
