// Explanations on stderr when BATCH_DEBUG is set (to anything but "" or "0"): why the loader
// did or did not use or write the code cache, and whether the command line was read by the
// fast path or by yargs. Both are only accelerators, so without BATCH_DEBUG nothing is said.

export type DebugNote = (message: string) => void;

/** A writer of notes on `topic` ("code cache"), or undefined when BATCH_DEBUG is off. */
export function debugNotes(
  env: NodeJS.ProcessEnv,
  topic: string,
  write: (text: string) => void = (text) => process.stderr.write(text),
): DebugNote | undefined {
  const value = env.BATCH_DEBUG;
  if (value === undefined || value === "" || value === "0") return undefined;
  return (message) => write(`batch: ${topic}: ${message}\n`);
}
