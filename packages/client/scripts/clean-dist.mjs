// Empties dist/ before `build` compiles into it, so a file moved or deleted in src/ leaves no
// stale .js or .d.ts behind to be published. Plain node:fs, so it runs wherever the build does.
//
//   node scripts/clean-dist.mjs [packageDir]   (default: this package)
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = process.argv[2] ?? fileURLToPath(new URL("..", import.meta.url));
rmSync(join(packageDir, "dist"), { recursive: true, force: true });
