// batchHandlers: msw request handlers for the 15 operations over a BatchService, plus a last
// handler that answers unknown paths (404) and wrong methods (405). Each request goes through
// the same pipeline: body size → authentication → api-version and timeout → body content
// type and JSON → the operation (wrapped by the optional middleware, e.g. faults) → response.
// Any error becomes a BatchError answer with the request id.

import { type HttpHandler, http } from "msw";
import { type AuthOptions, authenticate } from "../auth/authenticate.js";
import { signedRequestFrom } from "../auth/signed-request.js";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "../dev-account.js";
import { type FaultOption, resolveFaultOption } from "../faults/fault-option.js";
import type { BatchService } from "../service/batch-service.js";
import {
  authenticationFailed,
  internalError,
  resourceNotFound,
  unsupportedHttpVerb,
} from "../service/error-catalog.js";
import { isServiceError } from "../service/service-error.js";
import { checkApiVersion, SUPPORTED_API_VERSIONS } from "./api-versions.js";
import { conditionalHeaders } from "./conditional-headers.js";
import type { OperationCall } from "./operation-middleware.js";
import { OPERATIONS } from "./operations.js";
import { integerParameter } from "./query-options.js";
import { parseJsonBody, readBodyBytes } from "./request-body.js";
import { createRequestContext, type RequestContext, rawPathOf } from "./request-context.js";
import { errorResponse, withStandardHeaders } from "./responses.js";
import { isKnownPath, matchPath, ROUTES, type Route, type RouteParams } from "./routes.js";

export interface BatchHandlersOptions {
  /**
   * How requests authenticate: Shared Key with this account and key (plus bearer tokens if
   * enabled), or `false` to accept any request. The development account by default.
   */
  auth?: AuthOptions | false;
  /** Serve only this origin (e.g. https://devaccount.eastus.batch.azure.com); any by default. */
  baseUrl?: string;
  /**
   * Fault injection around each service call: the seeded injector's settings (or an injector
   * made with `createFaultInjector`, to read its log), or an operation middleware of your own.
   */
  faults?: FaultOption;
  /** api-version values accepted. */
  apiVersions?: readonly string[];
}

const DEV_AUTH: AuthOptions = { accountName: DEV_ACCOUNT_NAME, accountKey: DEV_ACCOUNT_KEY };

export function batchHandlers(
  service: BatchService,
  options: BatchHandlersOptions = {},
): HttpHandler[] {
  const auth = options.auth === undefined ? DEV_AUTH : options.auth;
  const apiVersions = options.apiVersions ?? SUPPORTED_API_VERSIONS;
  const origin =
    options.baseUrl === undefined ? undefined : new URL(options.baseUrl).origin.toLowerCase();
  const { middleware: faults } = resolveFaultOption(options.faults, {
    maxTasksPerCollection: service.limits.maxTasksPerCollection,
  });
  const servesOrigin = (request: Request) =>
    origin === undefined || new URL(request.url).origin.toLowerCase() === origin;

  function checkAuthentication(ctx: RequestContext): void {
    if (auth === false) return;
    const headers: Record<string, string> = {};
    ctx.request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (ctx.receivedContentLength === undefined) delete headers["content-length"];
    else headers["content-length"] = ctx.receivedContentLength;
    const signed = signedRequestFrom(
      ctx.request.method,
      `${ctx.rawPath}${ctx.rawQuery ? `?${ctx.rawQuery}` : ""}`,
      headers,
    );
    const result = authenticate(signed, auth);
    if (!result.ok) throw authenticationFailed(result.message, result.detail);
  }

  async function respond(request: Request, route: Route, params: RouteParams): Promise<Response> {
    let ctx: RequestContext | undefined;
    try {
      const limit = service.limits.maxRequestBodyBytes;
      const bytes = await readBodyBytes(request, route.body, limit);
      const context = createRequestContext(request, bytes?.byteLength);
      ctx = context;
      checkAuthentication(context);
      checkApiVersion(context.query.get("api-version"), apiVersions);
      integerParameter(context, "timeout");
      const call: OperationCall = {
        operation: route.operation,
        request,
        requestId: context.requestId,
        params,
        query: context.query,
        conditions: route.conditional ? conditionalHeaders(request) : undefined,
        body: parseJsonBody(request, route.body, bytes),
      };
      const next = async () => {
        try {
          return OPERATIONS[route.operation](service, call, context);
        } catch (error) {
          if (isServiceError(error)) return errorResponse(context, error);
          throw error;
        }
      };
      if (!faults) return await next();
      return withStandardHeaders(await faults(call, next), context);
    } catch (error) {
      const answerTo = ctx ?? createRequestContext(request);
      if (isServiceError(error)) return errorResponse(answerTo, error);
      return errorResponse(answerTo, internalError(error));
    }
  }

  const operationHandlers = ROUTES.map((route) =>
    http[route.method.toLowerCase() as "get" | "post" | "put" | "delete"](
      ({ request }) => {
        if (!servesOrigin(request)) return false;
        try {
          const params = matchPath(route, rawPathOf(request));
          return params ? { matches: true, params: params as Record<string, string> } : false;
        } catch {
          // A path that cannot be decoded is answered by the fallback handler.
          return false;
        }
      },
      ({ request, params }) => respond(request, route, params as RouteParams),
    ),
  );

  const fallback = http.all(
    ({ request }) => servesOrigin(request),
    async ({ request }) => {
      // Authentication needs the body length, which an in-process request does not carry.
      const bodyLength =
        request.method === "GET" || request.method === "HEAD"
          ? undefined
          : (await request.arrayBuffer()).byteLength;
      const ctx = createRequestContext(request, bodyLength);
      try {
        checkAuthentication(ctx);
        for (const route of ROUTES) matchPath(route, ctx.rawPath);
      } catch (error) {
        if (isServiceError(error)) return errorResponse(ctx, error);
        throw error;
      }
      if (isKnownPath(ctx.rawPath)) return errorResponse(ctx, unsupportedHttpVerb(request.method));
      return errorResponse(ctx, resourceNotFound(ctx.rawPath));
    },
  );

  return [...operationHandlers, fallback];
}
