// What makes a V8 code cache valid for a run, reduced to a short name. A cache only fits the
// exact code it was made from (the bundle's hash and version), the V8 that made it (Node
// version, V8 version, architecture) and the V8 flags it ran under: V8 refuses a cache made
// under other flags, so two flag sets sharing one file would reject and rewrite it in turn.
// The key is hashed into the cache file's name (compile-cache-path.ts).
//
// FNV-1a rather than node:crypto: the name is no secret and a collision only costs a cache V8
// refuses (it checks source and flags itself), while loading node:crypto costs a run that needs
// no request (--version, --help) about 2 ms.

/** Options that name files to load or debugger ports: Node's own, they never change compiling. */
const notCompileRelevant =
  /^(?:-r|--require|--import|--loader|--experimental-loader|--env-file|--env-file-if-exists|--title|--inspect[a-z-]*|--debug-port|--redirect-warnings|--diagnostic-dir|--report-[a-z-]+)(?:=|$)/;
/** The same options, when their value is the next word. */
const takesValue = /^(?:-r|--require|--import|--loader|--experimental-loader|--env-file|--title)$/;

/** The words of NODE_OPTIONS, split as Node splits them: on spaces outside "...", \ escaping. */
export function nodeOptionsWords(nodeOptions: string | undefined): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quoted = false;
  for (let index = 0; index < (nodeOptions?.length ?? 0); index++) {
    let char = nodeOptions?.[index] ?? "";
    if (char === "\\" && quoted) char = nodeOptions?.[++index] ?? "";
    else if (char === " " && !quoted) {
      if (word !== undefined) words.push(word);
      word = undefined;
      continue;
    } else if (char === '"') {
      quoted = !quoted;
      continue;
    }
    word = (word ?? "") + char;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * The flags of this process that can change how V8 compiles or what it accepts in a cache:
 * every option of the command line before the script and of NODE_OPTIONS, except those that
 * only name files to load (--import, --require, ...) or debugger settings.
 */
export function compileFlags(
  execArgv: readonly string[],
  nodeOptions: string | undefined,
): string[] {
  const flags: string[] = [];
  const words = [...execArgv, ...nodeOptionsWords(nodeOptions)];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? "";
    if (takesValue.test(word)) index++;
    else if (!notCompileRelevant.test(word)) flags.push(word);
  }
  return flags;
}

export interface CompileCacheKey {
  /** The bundle's content hash, over every part; its version is part of the content. */
  readonly build: string;
  readonly cliVersion: string;
  readonly node: string;
  readonly v8: string;
  readonly arch: string;
  readonly platform: string;
  readonly flags: readonly string[];
}

/** The key of this process. */
export function processCompileCacheKey(build: string, cliVersion: string): CompileCacheKey {
  return {
    build,
    cliVersion,
    node: process.version,
    v8: process.versions.v8,
    arch: process.arch,
    platform: process.platform,
    flags: compileFlags(process.execArgv, process.env.NODE_OPTIONS),
  };
}

/** 64-bit FNV-1a of the key's JSON, as 16 hex digits. */
export function compileCacheKeyHash(key: CompileCacheKey): string {
  return fnv1a64(
    JSON.stringify([
      key.build,
      key.cliVersion,
      key.node,
      key.v8,
      key.arch,
      key.platform,
      key.flags,
    ]),
  );
}

const twoTo32 = 2 ** 32;

/**
 * 64-bit FNV-1a of `text`'s UTF-16 code units, as 16 hex digits. In two 32-bit halves rather
 * than with BigInt, which allocates at every step: the loader hashes on every run.
 */
export function fnv1a64(text: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let index = 0; index < text.length; index++) {
    low = (low ^ text.charCodeAt(index)) >>> 0;
    // × 0x100000001b3 = × (2^40 + 0x1b3), modulo 2^64; every product stays below 2^53.
    const lowProduct = low * 0x1b3;
    high = (high * 0x1b3 + Math.floor(lowProduct / twoTo32) + ((low << 8) >>> 0)) % twoTo32;
    low = lowProduct % twoTo32;
  }
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}
