// Regenerates src/generated/ from spec/batch.openapi.yaml: the openapi-typescript output and
// the api-version the spec describes. Everything under src/generated/ is written only here.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const specPath = join(here, "../../../spec/batch.openapi.yaml");
const outDir = join(here, "../src/generated");
const banner =
  "// Generated from spec/batch.openapi.yaml by packages/types/scripts/generate.mjs.\n" +
  "// Do not edit by hand: change the spec and run `pnpm generate`.\n";

const spec = parse(readFileSync(specPath, "utf8"));
const ast = await openapiTS(pathToFileURL(specPath), {
  exportType: false,
  alphabetize: false,
  immutable: false,
  // A schema default (e.g. maxParallelTasks: -1) is applied by the service; it must stay optional.
  defaultNonNullable: false,
});

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "batch.ts"), `${banner}\n${astToString(ast)}`);
writeFileSync(
  join(outDir, "api-version.ts"),
  `${banner}\n/** The Batch service api-version these types were generated from. */\nexport const apiVersion = ${JSON.stringify(spec.info.version)} as const;\n`,
);
console.log(`generated types for api-version ${spec.info.version}`);
