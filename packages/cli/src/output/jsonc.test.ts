import picocolors from "picocolors";
import { describe, expect, it } from "vitest";
import { colorizeJson } from "./jsonc.js";

describe("colorizeJson", () => {
  const text = JSON.stringify(
    { id: "t1", exitCode: -1, ok: true, none: null, nested: { "a:b": "x" } },
    null,
    2,
  );

  it("colours keys, strings, numbers and literals differently", () => {
    const colors = picocolors.createColors(true);
    const colored = colorizeJson(text, colors);
    expect(colored).toContain(`${colors.cyan('"id"')}: ${colors.green('"t1"')}`);
    expect(colored).toContain(colors.yellow("-1"));
    expect(colored).toContain(colors.magenta("true"));
    expect(colored).toContain(colors.magenta("null"));
    expect(colored).toContain(colors.cyan('"a:b"'));
  });

  it("leaves the text as it is when colours are off", () => {
    expect(colorizeJson(text, picocolors.createColors(false))).toBe(text);
  });
});
