// Entra ID bearer tokens from any `getToken(scopes)` credential: cached until shortly before they
// expire, one shared refresh for concurrent calls, and one refresh-and-resend when the service
// answers 401 to a cached token.

import {
  type AccessToken,
  batchScope,
  type TokenCredential,
} from "../credentials/token-credential.js";
import { BatchError } from "../errors.js";
import type { PipelineStep } from "../pipeline.js";

export interface BearerTokenMiddlewareOptions {
  scopes?: string[];
  /** Refresh this long before the token expires (default 2 minutes). */
  refreshBeforeExpiryMs?: number;
  /** Milliseconds clock (tests pin it). */
  now?: () => number;
}

export function bearerTokenMiddleware(
  credential: TokenCredential,
  options: BearerTokenMiddlewareOptions = {},
): PipelineStep {
  const scopes = options.scopes ?? [batchScope];
  const margin = options.refreshBeforeExpiryMs ?? 120_000;
  const now = options.now ?? Date.now;
  let cached: AccessToken | undefined;
  let pending: Promise<AccessToken> | undefined;

  const fresh = (token: AccessToken | undefined) =>
    token !== undefined && now() < token.expiresOnTimestamp - margin;

  function refresh(signal: AbortSignal | undefined): Promise<AccessToken> {
    pending ??= (async () => {
      try {
        const token = await credential.getToken(scopes, { abortSignal: signal });
        if (!token || typeof token.token !== "string" || token.token === "") {
          throw new Error("the credential returned no token");
        }
        cached = token;
        return token;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  }

  return async (request, next, context) => {
    const fail = (cause: unknown) =>
      new BatchError({
        kind: "client",
        code: "CredentialUnavailable",
        message: `Could not get an access token for ${scopes.join(" ")}: ${
          cause instanceof Error ? cause.message : String(cause)
        }`,
        operation: context.operation,
        clientRequestId: context.record.clientRequestId,
        attempts: context.attempt - 1,
        cause,
      });
    // `refused` is a token the service just rejected: anything else that is fresh will do.
    const getToken = async (refused?: AccessToken) => {
      if (cached !== refused && fresh(cached)) return { token: cached!, fromCache: true };
      try {
        return { token: await refresh(context.signal), fromCache: false };
      } catch (cause) {
        throw fail(cause);
      }
    };

    const first = await getToken();
    request.headers.set("authorization", `Bearer ${first.token.token}`);
    const response = await next(request, context);
    if (response.status !== 401 || !first.fromCache) return response;

    // The cached token was refused (revoked, or the clock is off): get a new one, try once more.
    await response.body?.cancel().catch(() => undefined);
    const second = await getToken(first.token);
    request.headers.set("authorization", `Bearer ${second.token.token}`);
    return next(request, context);
  };
}
