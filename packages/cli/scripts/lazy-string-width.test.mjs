import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { lazyStringWidth } from "./lazy-string-width.mjs";
import { runBundled } from "./run-bundled.test-support.mjs";

const require = createRequire(import.meta.url);
const RealSegmenter = Intl.Segmenter;

afterEach(() => {
  Intl.Segmenter = RealSegmenter;
});

/** Loads a bundled yargs program, then lays out its help; counts string-width's set-up. */
async function segmentersMade(plugins) {
  let made = 0;
  Intl.Segmenter = class extends RealSegmenter {
    constructor(...args) {
      super(...args);
      made++;
    }
  };
  const program = await runBundled(
    [
      'import yargs from "yargs";',
      "export const help = () =>",
      '  yargs([]).scriptName("t").option("name", { describe: "a name" }).getHelp();',
    ].join("\n"),
    { plugins, require },
  );
  const atLoad = made;
  const help = await program.help();
  return { atLoad, afterHelp: made, help };
}

describe("lazyStringWidth", () => {
  it("leaves string-width's set-up until a width is first needed", async () => {
    const eager = await segmentersMade([]);
    expect(eager.atLoad).toBeGreaterThan(0);
    const lazy = await segmentersMade([lazyStringWidth()]);
    expect(lazy.atLoad).toBe(0);
    expect(lazy.afterHelp).toBeGreaterThan(0);
    // The help is laid out exactly as with the real module loaded up front.
    expect(lazy.help).toBe(eager.help);
    expect(lazy.help).toMatch(/--name\s+a name/);
  });
});
