import { describe, expect, it } from "vitest";
import { redactBody } from "./redact-body.js";

describe("redactBody", () => {
  it("lays JSON out and keeps what is harmless", () => {
    const task = { id: "t1", commandLine: "echo hi", constraints: { maxTaskRetryCount: 2 } };
    expect(redactBody(JSON.stringify(task))).toBe(JSON.stringify(task, null, 2));
  });

  it("hides SAS signatures and every query parameter not on the allow-list", () => {
    const body = {
      resourceFiles: [
        {
          httpUrl:
            "https://store.blob.core.windows.net/in/a.txt?sv=2024-01-01&se=2030-01-01&sp=r&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D",
        },
      ],
      "odata.nextLink":
        "https://acct.batch.azure.com/jobs/j/tasks?api-version=2025-06-01&$skiptoken=abc",
    };
    const out = JSON.parse(redactBody(JSON.stringify(body)));
    expect(out.resourceFiles[0].httpUrl).toBe(
      "https://store.blob.core.windows.net/in/a.txt?sv=REDACTED&se=REDACTED&sp=REDACTED&sig=REDACTED",
    );
    expect(out["odata.nextLink"]).toBe(body["odata.nextLink"]);
  });

  it("hides properties named like secrets, and secret-shaped text anywhere", () => {
    const body = {
      containerSettings: { registry: { username: "me", password: "hunter2" } },
      authenticationToken: "opaque",
      message: {
        value:
          "signed with SharedKey devaccount:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= and Bearer abc.def",
      },
      values: [
        {
          key: "AuthenticationErrorDetail",
          value: "key AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        },
      ],
    };
    const text = redactBody(JSON.stringify(body));
    const out = JSON.parse(text);
    expect(out.containerSettings.registry).toEqual({ username: "me", password: "REDACTED" });
    expect(out.authenticationToken).toBe("REDACTED");
    expect(out.message.value).toBe("signed with SharedKey REDACTED and Bearer REDACTED");
    expect(out.values[0]).toEqual({ key: "AuthenticationErrorDetail", value: "key REDACTED" });
    expect(text).not.toContain("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
  });

  it("redacts text that is not JSON by its shape", () => {
    expect(redactBody("oops sig=abc&x=1")).toBe("oops sig=REDACTED&x=1");
  });
});
