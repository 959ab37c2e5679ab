// Ties a short-lived AbortController to a long-lived signal and unties it afterwards, so that a
// signal shared by thousands of calls (addMany) never accumulates listeners.

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
