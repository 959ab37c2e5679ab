// Checks that the spec carries every field, type, format, enum value and required flag of the
// task payloads as the Batch service defines them (api-version 2025-06-01). The fixture lists
// those facts, schema by schema, as the service's own definition states them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import serviceSchemas from "./fixtures/service-task-payloads.json" with { type: "json" };

type Json = Record<string, unknown>;
interface FieldFact {
  type?: string;
  format?: string;
  enum?: string[];
  ref?: string;
  items?: FieldFact;
}
interface SchemaFact {
  properties?: Record<string, FieldFact>;
  required?: string[];
  enum?: string[];
}

const spec = parse(
  readFileSync(fileURLToPath(new URL("../../../spec/batch.openapi.yaml", import.meta.url)), "utf8"),
) as Json;
const schemas = (spec.components as Json).schemas as Record<string, Json>;

function deref(node: Json): Json {
  let current = node;
  while (typeof current.$ref === "string") {
    current = schemas[(current.$ref as string).split("/").pop()!] as Json;
  }
  return current;
}

function refName(node: Json): string | undefined {
  return typeof node.$ref === "string" ? (node.$ref as string).split("/").pop() : undefined;
}

/** Our spec may wrap a `$ref` in `allOf` (to add a description beside it) or use `anyOf` with null. */
function unwrap(node: Json): Json {
  const group = (node.allOf ?? node.anyOf ?? node.oneOf) as Json[] | undefined;
  if (group) {
    const nonNull = group.filter((member) => member.type !== "null");
    if (nonNull.length === 1) return unwrap(nonNull[0]!);
  }
  return node;
}

function checkField(path: string, fact: FieldFact, ours: Json) {
  const node = unwrap(ours);
  if (fact.ref) {
    expect(refName(node), `${path} refers to ${fact.ref}`).toBe(fact.ref);
    return;
  }
  const resolved = deref(node);
  if (fact.type) expect(resolved.type, `${path} type`).toBe(fact.type);
  if (fact.format) expect(resolved.format, `${path} format`).toBe(fact.format);
  if (fact.enum)
    expect([...(resolved.enum as string[])].sort(), `${path} enum`).toEqual([...fact.enum].sort());
  if (fact.items) checkField(`${path}[]`, fact.items, resolved.items as Json);
}

const entries = Object.entries(serviceSchemas as Record<string, SchemaFact>);

describe("spec: task payloads match the service definition", () => {
  it("covers every schema of the task payloads", () => {
    const missing = entries.map(([name]) => name).filter((name) => !(name in schemas));
    expect(missing).toEqual([]);
  });

  it.each(entries)(
    "%s has every field, type, format, enum value and required flag",
    (name, fact) => {
      const ours = schemas[name]!;
      if (fact.enum) {
        expect([...(ours.enum as string[])].sort()).toEqual([...fact.enum].sort());
        return;
      }
      const properties = (ours.properties ?? {}) as Record<string, Json>;
      for (const [field, fieldFact] of Object.entries(fact.properties ?? {})) {
        expect(properties, `${name}.${field} is missing`).toHaveProperty([field]);
        checkField(`${name}.${field}`, fieldFact, properties[field]!);
      }
      expect([...((ours.required as string[]) ?? [])].sort()).toEqual(fact.required ?? []);
    },
  );

  it("states the limits: id pattern and length, 100 tasks a collection", () => {
    const id = deref(schemas.TaskAddParameter!.properties as Json).id as Json;
    const idSchema = deref(id);
    expect(idSchema.maxLength).toBe(64);
    expect(new RegExp(idSchema.pattern as string).test("task_1-A")).toBe(true);
    expect(new RegExp(idSchema.pattern as string).test("task 1")).toBe(false);
    const collection = (schemas.TaskAddCollectionParameter!.properties as Json).value as Json;
    expect(deref(collection).maxItems).toBe(100);
  });
});
