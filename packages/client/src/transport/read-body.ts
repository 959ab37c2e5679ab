// Reads a fetch Response's body to the end while an AbortSignal can still stop it. A fetch
// resolves as soon as the headers arrive; a body that then stalls would otherwise hold the call
// forever, past the attempt's deadline and the caller's abort. Cancelling the reader settles a
// pending read even when the stream itself ignores the signal (a transport that does not wire
// its signal to the body).

/** The body's bytes (null when the response has none); rejects with the reason on abort. */
export async function readBodyBytes(
  response: Response,
  signal: AbortSignal | undefined,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const stream = response.body;
  if (stream === null) return null;
  signal?.throwIfAborted();
  const reader = stream.getReader();
  const onAbort = () => {
    reader.cancel(signal?.reason).catch(() => undefined);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const step = await reader.read();
      signal?.throwIfAborted();
      if (step.done) break;
      chunks.push(step.value);
      length += step.value.byteLength;
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    reader.releaseLock();
  }
  if (chunks.length === 1 && chunks[0]!.byteLength === chunks[0]!.buffer.byteLength) {
    return chunks[0] as Uint8Array<ArrayBuffer>;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The same answer with its body in memory: status, status text and headers kept, the body the
 * bytes read. Statuses that cannot have a body get none.
 */
export async function inMemoryResponse(
  response: Response,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const bytes = await readBodyBytes(response, signal);
  return new Response(bytes !== null && bytes.byteLength > 0 ? bytes : null, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
