// `-o jsonc`: indented JSON with colours for reading at a terminal (az's jsonc). Without
// colours it is byte for byte the same as `-o json`.
import type { Colors } from "picocolors/types.js";

// One token of JSON text: a string (and whether a colon follows, making it a key), or a literal.
const tokenPattern =
  /("(?:[^"\\]|\\.)*")(\s*:)?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\btrue\b|\bfalse\b|\bnull\b/g;

export function colorizeJson(text: string, colors: Colors): string {
  return text.replace(tokenPattern, (token: string, quoted?: string, colon?: string) => {
    if (quoted !== undefined) {
      return colon === undefined ? colors.green(quoted) : `${colors.cyan(quoted)}${colon}`;
    }
    if (token === "true" || token === "false" || token === "null") return colors.magenta(token);
    return colors.yellow(token);
  });
}
