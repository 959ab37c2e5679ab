// The service's OData annotations (`odata.metadata`, and `odata.nextLink` on list bodies) say
// how a response is shaped, not what the resource is; like az, the CLI prints resources
// without them.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function withoutAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAnnotations);
  if (!isPlainObject(value) || !Object.keys(value).some((key) => key.startsWith("odata.")))
    return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith("odata.")));
}
