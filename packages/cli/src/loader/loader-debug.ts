// The loader's explanations, on stderr when BATCH_DEBUG is set (to anything but "" or "0"):
// why the code cache was or was not used or written. The cache is only an accelerator, so
// without BATCH_DEBUG the loader says nothing about it.

export type LoaderDebug = (message: string) => void;

export function loaderDebug(
  env: NodeJS.ProcessEnv,
  write: (text: string) => void = (text) => process.stderr.write(text),
): LoaderDebug | undefined {
  const value = env.BATCH_DEBUG;
  if (value === undefined || value === "" || value === "0") return undefined;
  return (message) => write(`batch: code cache: ${message}\n`);
}
