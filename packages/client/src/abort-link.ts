// Ties a short-lived AbortController to a long-lived signal and unties it afterwards, so that a
// signal shared by thousands of calls (addMany) never accumulates listeners; and waits for a
// promise no longer than a signal allows.

/** Aborts `child` when `parent` aborts; call the returned function once the child is done. */
export function linkAbort(parent: AbortSignal | undefined, child: AbortController): () => void {
  if (!parent) return noop;
  if (parent.aborted) {
    child.abort(parent.reason);
    return noop;
  }
  const onAbort = () => child.abort(parent.reason);
  parent.addEventListener("abort", onAbort, { once: true });
  return () => parent.removeEventListener("abort", onAbort);
}

function noop(): void {}

/**
 * `promise`, or a rejection with the signal's reason as soon as it aborts. The promise itself
 * goes on (a shared token refresh, a body still arriving); its outcome is always handled, so a
 * late rejection is never unhandled.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
