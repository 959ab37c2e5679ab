// Entra ID bearer tokens from any `getToken(scopes)` credential: cached until shortly before they
// expire, one shared refresh for concurrent calls, and one refresh-and-resend when the service
// answers 401 to a cached token. Every attempt, the resend included, is dated afresh.
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

  /** `refused` is a token the service just rejected: anything else that is fresh will do. */
  async function getToken(context: CallContext, refused?: AccessToken) {
    if (cached !== refused && fresh(cached)) return { token: cached!, fromCache: true };
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
        attempts: refused === undefined ? context.record.attempts - 1 : context.record.attempts,
        cause,
      });
    }
  }

  return async (request, next, context) => {
    const first = await getToken(context);
    stampOcpDate(request.headers, context.attempt > 1, date);
    request.headers.set("authorization", `Bearer ${first.token.token}`);
    const response = await next(request, context);
    if (response.status !== 401 || !first.fromCache) return response;
    // The cached token was refused (revoked, or the clock is off): get a new one, try once more.
    await response.body?.cancel().catch(() => undefined);
    const second = await getToken(context, first.token);
    context.record.attempts++;
    stampOcpDate(request.headers, true, date);
    request.headers.set("authorization", `Bearer ${second.token.token}`);
    return next(request, context);
  };
}
