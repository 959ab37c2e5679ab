// The demo (`npm run demo`), run whole from the bundle: it finishes, and it lists the failed
// tasks (every 20th of 1,000) in id order, in wait's summary and in its table, whatever order
// the concurrent adds left them in.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const demo = fileURLToPath(new URL("./demo.mjs", import.meta.url));
const failed = Array.from(
  { length: 50 },
  (_, i) => `task-${String((i + 1) * 20).padStart(4, "0")}`,
);

describe("demo.mjs", () => {
  it("runs the main job and lists the failed tasks sorted by id", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [demo], {
      env: { PATH: process.env.PATH, NO_COLOR: "1" },
    });
    const waitRow = /^1000 .* 50\s+(\S+) and 40 more/m.exec(stdout);
    expect(waitRow?.[1]).toBe(failed.slice(0, 10).join(","));
    const listed = stdout
      .slice(stdout.indexOf("5. List the failed tasks"), stdout.indexOf("6. Show the task counts"))
      .split("\n")
      .filter((line) => /^task-\d{4}\s+completed\s+3\s/.test(line))
      .map((line) => line.split(/\s+/)[0]);
    expect(listed).toEqual(failed);
    expect(stdout).toMatch(/Done in [\d.]+ s\./);
  }, 60_000);
});
