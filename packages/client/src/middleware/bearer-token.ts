// Entra ID bearer tokens from any `getToken(scopes)` credential: cached until shortly before they
// expire, one shared refresh for concurrent calls. A 401 to a cached token drops it and tells
// the retry step, which sends the call again with a new token as one of its retries (so a
// credential whose tokens keep being refused cannot make a call loop). Every retry is dated afresh.
//
// The shared refresh belongs to no caller: it is not given any caller's signal (one caller's
// abort must not fail the others waiting on it), and each caller waits for it under its own
// attempt's signal, so an abort or a deadline stops that caller at once while the refresh goes
// on and caches its token for the next call.

import { untilAborted } from "../abort-link.js";
import {
  type AccessToken,
  batchScope,
  type TokenCredential,
} from "../credentials/token-credential.js";
import { abortedError, BatchError } from "../errors.js";
import type { CallContext, PipelineStep } from "../pipeline.js";
import { stampOcpDate } from "./ocp-date.js";

export interface BearerTokenMiddlewareOptions {
  scopes?: string[];
  /** Refresh this long before the token expires (default 2 minutes). */
  refreshBeforeExpiryMs?: number;
  /** Milliseconds clock for expiry and ocp-date (tests pin it). */
  now?: () => number;
}

export function bearerTokenMiddleware(
  credential: TokenCredential,
  options: BearerTokenMiddlewareOptions = {},
): PipelineStep {
  const scopes = options.scopes ?? [batchScope];
  const margin = options.refreshBeforeExpiryMs ?? 120_000;
  const now = options.now ?? Date.now;
  const date = () => new Date(now());
  let cached: AccessToken | undefined;
  let pending: Promise<AccessToken> | undefined;

  const fresh = (token: AccessToken | undefined) =>
    token !== undefined && now() < token.expiresOnTimestamp - margin;

  function refresh(): Promise<AccessToken> {
    pending ??= (async () => {
      try {
        const token = await credential.getToken(scopes);
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

  async function getToken(context: CallContext) {
    if (fresh(cached)) return { token: cached!, fromCache: true };
    const signal = context.attemptSignal ?? context.signal;
    try {
      return { token: await untilAborted(refresh(), signal), fromCache: false };
    } catch (cause) {
      if (context.signal?.aborted) {
        throw abortedError(
          {
            operation: context.operation,
            clientRequestId: context.record.clientRequestId,
            attempts: context.record.attempts,
          },
          context.signal.reason,
        );
      }
      // The attempt's deadline passed: the timeout step makes that a "timeout" error.
      if (signal?.aborted) throw cause;
      throw new BatchError({
        kind: "client",
        code: "CredentialUnavailable",
        message: `Could not get an access token for ${scopes.join(" ")}: ${
          cause instanceof Error ? cause.message : String(cause)
        }`,
        operation: context.operation,
        clientRequestId: context.record.clientRequestId,
        // The attempt this token was for was not sent.
        attempts: context.record.attempts - 1,
        cause,
      });
    }
  }

  return async (request, next, context) => {
    const { token, fromCache } = await getToken(context);
    stampOcpDate(request.headers, context.attempt > 1, date);
    request.headers.set("authorization", `Bearer ${token.token}`);
    const response = await next(request, context);
    if (response.status === 401 && fromCache) {
      // The cached token was refused (revoked, or the clock is off). A 401 to a token just
      // fetched is final: a new one would most likely be refused as well.
      if (cached === token) cached = undefined;
      context.record.tokenRefused = true;
    }
    return response;
  };
}
