// The query part of Shared Key's canonicalized resource, as the official clients compute it:
// names sorted, values percent-decoded with '+' read as a space, the first value of a repeated
// name. The clients disagree about empty values (Python drops them, JavaScript keeps them as
// "name:"), so both forms are produced.

const decoder = new TextDecoder("utf-8");

/**
 * Decodes a query component: '+' is a space, %XX escapes are UTF-8 bytes (invalid sequences
 * become U+FFFD) and a '%' that starts no valid escape stays as written, which is what
 * Python's unquote does. Never throws, unlike decodeURIComponent.
 */
export function decodeQueryComponent(text: string): string {
  const spaced = text.replaceAll("+", " ");
  return spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escapes) => {
    const bytes = new Uint8Array(escapes.length / 3);
    for (let i = 0; i < bytes.length; i++) {
      bytes[i] = Number.parseInt(escapes.slice(i * 3 + 1, i * 3 + 3), 16);
    }
    return decoder.decode(bytes);
  });
}

interface QueryParameter {
  name: string;
  value: string;
  rawValueEmpty: boolean;
}

function parseQuery(rawQuery: string): QueryParameter[] {
  const parameters: QueryParameter[] = [];
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    const rawName = equals < 0 ? part : part.slice(0, equals);
    const rawValue = equals < 0 ? "" : part.slice(equals + 1);
    if (rawName === "") continue;
    // Both clients decode names as well; Batch's names ($filter, api-version…) are plain anyway.
    parameters.push({
      name: decodeQueryComponent(rawName),
      value: decodeQueryComponent(rawValue),
      rawValueEmpty: rawValue === "",
    });
  }
  return parameters;
}

function canonicalLines(parameters: readonly QueryParameter[]): string {
  const firstValues = new Map<string, string>();
  for (const { name, value } of parameters) {
    if (!firstValues.has(name)) firstValues.set(name, value);
  }
  const names = [...firstValues.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => `\n${name}:${firstValues.get(name)}`).join("");
}

/**
 * The canonicalized query lines ("\nname:value" each) of a raw query string (without '?'):
 * first with empty values kept (JavaScript clients), then, if different, with them dropped
 * (Python clients).
 */
export function canonicalizedQueryVariants(rawQuery: string): string[] {
  const parameters = parseQuery(rawQuery);
  const keep = canonicalLines(parameters);
  const drop = canonicalLines(parameters.filter((parameter) => !parameter.rawValueEmpty));
  return keep === drop ? [keep] : [keep, drop];
}
