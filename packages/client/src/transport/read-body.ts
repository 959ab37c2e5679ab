// Reads a fetch Response's body into memory while an AbortSignal can still stop the wait. A
// fetch resolves as soon as the headers arrive; a body that then stalls would otherwise hold the
// call forever, past the attempt's deadline and the caller's abort. (The same signal was given
// to the fetch, which errors a real fetch's body stream on abort; the wait ends at once even for
// a transport that does not wire its signal to the body.)
import { untilAborted } from "../abort-link.js";

/**
 * The same answer with its body in memory: status, status text and headers kept, the body the
 * bytes read. Rejects with the signal's reason once it aborts.
 */
export async function inMemoryResponse(
  response: Response,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const bytes = response.body === null ? null : await untilAborted(response.arrayBuffer(), signal);
  return new Response(bytes !== null && bytes.byteLength > 0 ? bytes : null, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
