import { describe, expect, it } from "vitest";
import { joinStdinDashes } from "./stdin-dash.js";

describe("joinStdinDashes", () => {
  it("joins a lone dash to the option that reads standard input", () => {
    expect(joinStdinDashes(["task", "add", "--json-file", "-", "--job-id", "j"])).toEqual([
      "task",
      "add",
      "--json-file=-",
      "--job-id",
      "j",
    ]);
    expect(joinStdinDashes(["profile", "set", "--account-key", "-"])).toEqual([
      "profile",
      "set",
      "--account-key=-",
    ]);
  });

  it("leaves other dashes alone", () => {
    expect(joinStdinDashes(["--display-name", "-"])).toEqual(["--display-name", "-"]);
  });
});
