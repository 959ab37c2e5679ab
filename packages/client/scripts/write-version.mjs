// Writes src/version.ts from package.json's version. It runs first in `build`, so whatever
// `changeset version` (which runs no npm lifecycle scripts) writes into package.json is what
// the next build compiles and sends in the user-agent. The file is committed so a fresh clone
// typechecks and tests without a build; it is rewritten only when its text would change.
//
//   node scripts/write-version.mjs [packageDir]   (default: this package)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = process.argv[2] ?? fileURLToPath(new URL("..", import.meta.url));
const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
if (typeof version !== "string" || version === "") {
  throw new Error(`${packageDir}/package.json has no version`);
}
const source = `// Generated from package.json by scripts/write-version.mjs when the package is built; do not
// edit. The published version of @batch/client, sent in the user-agent.
export const clientVersion = ${JSON.stringify(version)};
`;
const target = join(packageDir, "src", "version.ts");
let current = "";
try {
  current = readFileSync(target, "utf8");
} catch {
  // first run
}
if (current !== source) writeFileSync(target, source);
