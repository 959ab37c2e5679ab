// Headers that belong to the logical call rather than to one attempt: api-version, the
// client-request-id (the same on every retry, so the service's logs tie the attempts together),
// return-client-request-id, ocp-date (the first attempt's; the auth steps date every retry
// afresh), user-agent and the OData JSON content type.
import { randomUuid } from "../node-crypto.js";
import type { PipelineStep } from "../pipeline.js";
import { clientVersion } from "../version.js";
import { stampOcpDate } from "./ocp-date.js";

/** The content type the service documents for request bodies. */
export const odataJsonContentType = "application/json; odata=minimalmetadata";

export interface HeadersMiddlewareOptions {
  apiVersion: string;
  /** The user-agent to send, or undefined to send none (see `buildUserAgent`). */
  userAgent: string | undefined;
  /** Ask the service to echo the client-request-id on every call. */
  returnClientRequestId?: boolean | undefined;
  /** The id maker (tests pin it); a random UUID by default. */
  newClientRequestId?: () => string;
  /** The clock for ocp-date (tests pin it). */
  now?: () => Date;
}

export function headersMiddleware(options: HeadersMiddlewareOptions): PipelineStep {
  const newId = options.newClientRequestId ?? randomUuid;
  const now = options.now ?? (() => new Date());
  const apiVersionParam = `api-version=${encodeURIComponent(options.apiVersion)}`;
  return (incoming, next, context) => {
    let request = incoming;
    // Operations always pass api-version; a nextLink or a raw call might not.
    if (!/[?&]api-version=/.test(request.url)) {
      const separator = request.url.includes("?") ? "&" : "?";
      request = {
        method: request.method,
        url: `${request.url}${separator}${apiVersionParam}`,
        headers: request.headers,
      };
    }
    const { headers } = request;
    let clientRequestId = headers.get("client-request-id");
    if (!clientRequestId) {
      clientRequestId = newId();
      headers.set("client-request-id", clientRequestId);
    }
    context.record.clientRequestId = clientRequestId;
    stampOcpDate(headers, false, now);
    if (options.returnClientRequestId && !headers.has("return-client-request-id")) {
      headers.set("return-client-request-id", "true");
    }
    if (options.userAgent !== undefined) {
      try {
        headers.set("user-agent", options.userAgent);
      } catch {
        // Some browsers refuse to let scripts set user-agent; the call goes on without it.
      }
    }
    if (context.body !== undefined) {
      const type = headers.get("content-type");
      if (type === null || type === "application/json" || type.startsWith("text/plain")) {
        headers.set("content-type", odataJsonContentType);
      }
    }
    return next(request, context);
  };
}

export type UserAgentOption = string | { prefix?: string; suffix?: string };

/**
 * `batch-client/<version> node/<version>` with the caller's prefix and suffix. In a browser
 * (no `process.versions.node`) it is undefined: browsers set their own user-agent.
 */
export function buildUserAgent(option: UserAgentOption | undefined): string | undefined {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions
    ?.node;
  if (typeof node !== "string") return undefined;
  const base = `batch-client/${clientVersion} node/${node}`;
  const prefix = typeof option === "string" ? option : option?.prefix;
  const suffix = typeof option === "object" ? option.suffix : undefined;
  return [prefix, base, suffix].filter((part) => part !== undefined && part !== "").join(" ");
}
