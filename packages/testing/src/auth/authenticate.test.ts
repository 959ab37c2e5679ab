import { describe, expect, it } from "vitest";
import { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "../dev-account.js";
import { type AuthOptions, type AuthResult, authenticate } from "./authenticate.js";
import { computeSharedKeySignature, sharedKeyAuthorization, stringsToSign } from "./shared-key.js";
import { signedRequestFrom } from "./signed-request.js";

const SENT = "Sat, 28 Nov 2026 14:18:03 GMT";
const SENT_MS = Date.UTC(2026, 10, 28, 14, 18, 3);
const MINUTE = 60_000;

// @azure/batch 10.2.0 listing tasks with a filter, signed with the development key.
const jsList = {
  method: "GET",
  target:
    "/jobs/j1/tasks?api-version=2022-10-01.16.0&$filter=state%20eq%20%27active%27&$select=id%2Cstate&maxresults=10",
  headers: {
    "content-type": "application/json; charset=utf-8",
    "ocp-date": SENT,
    authorization: "SharedKey devaccount:gwfua9qHiZxIl32EriNifHqV8Nxp7QKUrafa1YdD9LI=",
  },
};

function options(overrides: Partial<AuthOptions> = {}): AuthOptions {
  return {
    accountName: DEV_ACCOUNT_NAME,
    accountKey: DEV_ACCOUNT_KEY,
    now: () => SENT_MS,
    ...overrides,
  };
}

function withAuthorization(authorization: string | undefined, headers = jsList.headers) {
  const { authorization: _, ...rest } = headers;
  const all = authorization === undefined ? rest : { ...rest, authorization };
  return signedRequestFrom(jsList.method, jsList.target, all);
}

/** A GET of a task carrying the given headers, signed with the development key. */
function signedGet(headers: Record<string, string>) {
  const target = "/jobs/j1/tasks/t1?api-version=2025-06-01";
  const authorization = sharedKeyAuthorization(
    signedRequestFrom("GET", target, headers),
    DEV_ACCOUNT_NAME,
    DEV_ACCOUNT_KEY,
  );
  return signedRequestFrom("GET", target, { ...headers, authorization });
}

function detailOf(result: AuthResult): string {
  if (result.ok) throw new Error("expected a failure");
  return result.detail;
}

function expectFailure(result: AuthResult, status: number, code: string): void {
  expect(result).toMatchObject({ ok: false, status, code });
  // No failure may echo a secret: the key, the signature sent or the one expected.
  const text = JSON.stringify(result);
  expect(text).not.toContain(DEV_ACCOUNT_KEY);
  expect(text).not.toContain("gwfua9qHiZxIl32EriNifHqV8Nxp7QKUrafa1YdD9LI=");
  for (const candidate of stringsToSign(withAuthorization(undefined), DEV_ACCOUNT_NAME)) {
    expect(text).not.toContain(computeSharedKeySignature(candidate, DEV_ACCOUNT_KEY));
  }
}

describe("authenticate with Shared Key", () => {
  it("accepts a request signed by an official client", () => {
    const request = signedRequestFrom(jsList.method, jsList.target, jsList.headers);
    expect(authenticate(request, options())).toEqual({ ok: true, scheme: "SharedKey" });
  });

  it("accepts a request signed with the Date header instead of ocp-date", () => {
    const request = signedGet({ Date: SENT });
    expect(authenticate(request, options())).toEqual({ ok: true, scheme: "SharedKey" });
  });

  it("rejects a missing Authorization header with 403 and says so", () => {
    for (const request of [withAuthorization(undefined), withAuthorization("  ")]) {
      const result = authenticate(request, options());
      expectFailure(result, 403, "AuthenticationFailed");
      if (!result.ok) expect(result.message).toMatch(/Authorization header is missing/);
      expect(detailOf(result)).toMatch(/no Authorization header/);
    }
  });

  it.each([
    "Basic ZGV2OnB3",
    "SharedKey devaccount",
    "SharedKey :c2ln",
    "SharedKey devaccount:",
    "SharedKeydevaccount:c2ln",
    "Bearer",
    "Bearer two tokens",
  ])("rejects the malformed Authorization %j with 403 AuthenticationFailed", (value) => {
    const result = authenticate(withAuthorization(value), options());
    expectFailure(result, 403, "AuthenticationFailed");
    // The same fixed text for every malformed value: the header, maybe a secret, is not echoed.
    expect(detailOf(result)).toBe(
      "The Authorization header is not in a valid format: expected 'SharedKey <account>:<signature>' or 'Bearer <token>'.",
    );
  });

  it("rejects another account's name", () => {
    const result = authenticate(
      withAuthorization("SharedKey someoneelse:gwfua9qHiZxIl32EriNifHqV8Nxp7QKUrafa1YdD9LI="),
      options(),
    );
    expectFailure(result, 403, "AuthenticationFailed");
    expect(detailOf(result)).toMatch(
      /account 'someoneelse' .* not the account this endpoint serves \('devaccount'\)/,
    );
  });

  it("rejects a wrong signature and shows the string the server signed", () => {
    const result = authenticate(
      withAuthorization(jsList.headers.authorization),
      options({
        accountKey: Buffer.alloc(32, 7).toString("base64"),
      }),
    );
    expectFailure(result, 403, "AuthenticationFailed");
    expect(detailOf(result)).toContain(
      "does not match the one computed for this request. The server signed the string 'GET\\n\\n\\n\\n\\napplication/json; charset=utf-8\\n\\n\\n\\n\\n\\n\\nocp-date:Sat, 28 Nov 2026 14:18:03 GMT\\n/devaccount/jobs/j1/tasks\\n$filter:state eq 'active'\\n$select:id,state\\napi-version:2022-10-01.16.0\\nmaxresults:10'",
    );
  });

  it("rejects a signature over different content", () => {
    const tampered = { ...jsList.headers, "content-type": "application/json" };
    const result = authenticate(
      withAuthorization(jsList.headers.authorization, tampered),
      options(),
    );
    expectFailure(result, 403, "AuthenticationFailed");
    expect(detailOf(result)).toMatch(/does not match/);
  });

  it("rejects a request with neither ocp-date nor Date", () => {
    const result = authenticate(signedGet({}), options());
    expectFailure(result, 403, "AuthenticationFailed");
    expect(detailOf(result)).toMatch(/neither an ocp-date nor a Date header/);
  });

  it("rejects a date that is not an HTTP date", () => {
    const result = authenticate(signedGet({ "ocp-date": "yesterday" }), options());
    expectFailure(result, 403, "AuthenticationFailed");
    expect(detailOf(result)).toMatch(/ocp-date header 'yesterday' is not a valid HTTP date/);
  });

  describe("clock skew", () => {
    const at = (offsetMs: number, overrides: Partial<AuthOptions> = {}) =>
      authenticate(
        signedRequestFrom(jsList.method, jsList.target, jsList.headers),
        options({ now: () => SENT_MS + offsetMs, ...overrides }),
      );

    it("accepts requests up to 15 minutes old or early", () => {
      expect(at(15 * MINUTE).ok).toBe(true);
      expect(at(-15 * MINUTE).ok).toBe(true);
    });

    it("rejects an older request as too old", () => {
      const result = at(15 * MINUTE + 1);
      expectFailure(result, 403, "AuthenticationFailed");
      expect(detailOf(result)).toMatch(
        /^The request is too old: its ocp-date is Sat, 28 Nov 2026 14:18:03 GMT and the server time is Sat, 28 Nov 2026 14:33:03 GMT; requests older than 15 minutes are rejected\.$/,
      );
    });

    it("rejects a request dated too far in the future", () => {
      const result = at(-15 * MINUTE - 1);
      expectFailure(result, 403, "AuthenticationFailed");
      expect(detailOf(result)).toMatch(/dated in the future/);
    });

    it("honours a custom limit, or none", () => {
      expect(at(2_000, { maxClockSkewMs: 1_000 }).ok).toBe(false);
      expect(detailOf(at(2_000, { maxClockSkewMs: 1_500 }))).toMatch(/older than 1500 ms/);
      expect(at(1_000, { maxClockSkewMs: 1_000 }).ok).toBe(true);
      expect(at(365 * 24 * 60 * MINUTE, { maxClockSkewMs: false })).toEqual({
        ok: true,
        scheme: "SharedKey",
      });
    });

    it("judges freshness by ocp-date when Date is sent too", () => {
      const request = signedGet({ "ocp-date": SENT, Date: "Sun, 29 Nov 2026 14:18:03 GMT" });
      expect(authenticate(request, options()).ok).toBe(true);
      const stale = signedGet({ "ocp-date": "Fri, 27 Nov 2026 14:18:03 GMT", Date: SENT });
      expect(detailOf(authenticate(stale, options()))).toMatch(/too old: its ocp-date/);
    });
  });
});

describe("authenticate with bearer tokens", () => {
  const bearerRequest = withAuthorization("Bearer eyJ0eXAiOiJKV1QifQ.e30.c2ln");

  it("rejects them unless enabled", () => {
    for (const bearer of [undefined, false]) {
      const result = authenticate(bearerRequest, options({ bearer }));
      expectFailure(result, 403, "AuthenticationFailed");
      expect(detailOf(result)).toMatch(/does not accept bearer tokens/);
      expect(JSON.stringify(result)).not.toContain("eyJ0eXAiOiJKV1QifQ");
    }
  });

  it("accepts any token when enabled with true", () => {
    expect(authenticate(bearerRequest, options({ bearer: true }))).toEqual({
      ok: true,
      scheme: "Bearer",
    });
  });

  it("lets a function decide, given the token", () => {
    const seen: string[] = [];
    const decide = (token: string) => {
      seen.push(token);
      return token.endsWith(".c2ln");
    };
    expect(authenticate(bearerRequest, options({ bearer: decide })).ok).toBe(true);
    const rejected = authenticate(withAuthorization("Bearer other"), options({ bearer: decide }));
    expectFailure(rejected, 403, "AuthenticationFailed");
    expect(detailOf(rejected)).toBe("The bearer token was not accepted.");
    expect(seen).toEqual(["eyJ0eXAiOiJKV1QifQ.e30.c2ln", "other"]);
  });

  it("does not require a date", () => {
    const request = signedRequestFrom("GET", "/jobs", { authorization: "Bearer t" });
    expect(authenticate(request, options({ bearer: true })).ok).toBe(true);
  });
});
