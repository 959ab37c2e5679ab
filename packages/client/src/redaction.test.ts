import { describe, expect, it } from "vitest";
import { redactHeaders, redactText, redactUrl } from "./redaction.js";

describe("redaction", () => {
  it("keeps only allow-listed header values", () => {
    expect(
      redactHeaders(
        new Headers({
          authorization: "SharedKey a:b",
          "client-request-id": "c",
          "x-ms-secret": "s",
          etag: "0x1",
          cookie: "k=v",
        }),
      ),
    ).toEqual({
      authorization: "REDACTED",
      "client-request-id": "c",
      cookie: "REDACTED",
      etag: "0x1",
      "x-ms-secret": "REDACTED",
    });
  });

  it("keeps only allow-listed query values", () => {
    expect(
      redactUrl(
        "https://a.b/jobs/j1/tasks?api-version=2025-06-01&%24filter=state%20eq%20%27x%27&sig=abc%2Bdef&sv=2&maxresults=5#frag",
      ),
    ).toBe(
      "https://a.b/jobs/j1/tasks?api-version=2025-06-01&%24filter=state%20eq%20%27x%27&sig=REDACTED&sv=REDACTED&maxresults=5",
    );
    expect(redactUrl("https://a.b/jobs")).toBe("https://a.b/jobs");
  });

  it("scrubs credential shapes from free text", () => {
    const text = redactText(
      "auth SharedKey acct:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/abcde= and Bearer abc.def-ghi and ?sig=Zm9v&x=1 and key AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    );
    expect(text).toBe(
      "auth SharedKey REDACTED and Bearer REDACTED and ?sig=REDACTED&x=1 and key REDACTED",
    );
    expect(redactText("TaskNotFound: task render-0001 in job j1")).toBe(
      "TaskNotFound: task render-0001 in job j1",
    );
  });
});
