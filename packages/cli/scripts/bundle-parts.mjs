// Lays out the parts that follow the loader in dist/batch.mjs: the CLI ("app") and each package
// it loads on demand, one comment each. Node parses the whole file as a module on every run,
// and skipping a comment costs it far less than reading a string literal of the same size; the
// loader reads back only the comments it needs (src/loader/bundle-parts.ts), by the place
// recorded here, and checks the markers that open and close each one. The loader decodes them as
// latin1, so parts must be ASCII; DEL stays free for the one escape: a comment cannot hold "*/"
// (a few regular expressions do), so each is written as "*\x7f/" and turned back on load.
// The markers' text is the loader's (imported from its TypeScript by the bundle script).

export const commentEndEscape = "*\x7f/";

/**
 * The file's tail for `parts` ([name, text] pairs, in order) and where each part sits:
 * `places[name] = { fromEnd, length }`, fromEnd counted from the end of the file to the
 * comment's first character.
 * @param {[string, string][]} parts
 * @param {{ start: (name: string, length: number) => string, end: (name: string) => string }} markers
 */
export function layOutParts(parts, markers) {
  const comments = parts.map(([name, text]) => {
    if (!/^[@a-z0-9/_-]+$/i.test(name)) throw new Error(`a part cannot be named ${name}`);
    for (let index = 0; index < text.length; index++) {
      if (text.charCodeAt(index) > 0x7e) throw new Error(`${name} is not ASCII without DEL`);
    }
    if (text.includes("@batch-part")) throw new Error(`${name} holds a part marker`);
    const body = text.replaceAll("*/", commentEndEscape);
    return [name, body, `${markers.start(name, body.length)}${body}${markers.end(name)}`];
  });
  const tail = comments.map(([, , comment]) => comment).join("");
  /** @type {Record<string, { fromEnd: number, length: number }>} */
  const places = {};
  let fromEnd = tail.length;
  for (const [name, body, comment] of comments) {
    places[name] = { fromEnd, length: body.length };
    fromEnd -= comment.length;
  }
  return { tail, places };
}
