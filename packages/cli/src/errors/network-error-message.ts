// The message for a request that got no answer because the connection itself failed. The
// client's message carries the socket error's text ("Task_Get got no answer: request failed
// (connect ECONNREFUSED 127.0.0.1:1)"); the CLI says what happened and where in fewer words,
// from the socket error the client keeps as the cause.

interface SocketError {
  code?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
}

/** The socket error under a network BatchError (the transport's TypeError, then its cause). */
function socketErrorOf(error: { cause?: unknown }): SocketError | undefined {
  let current: unknown = error.cause;
  for (let depth = 0; depth < 3 && current instanceof Error; depth++) {
    if (typeof (current as SocketError).code === "string") return current as SocketError;
    current = current.cause;
  }
  return undefined;
}

/** "cannot connect to 127.0.0.1:1: ECONNREFUSED (Task_Get)", or undefined if no socket error says why. */
export function networkErrorMessage(error: {
  cause?: unknown;
  operation?: string | undefined;
}): string | undefined {
  const socket = socketErrorOf(error);
  if (socket === undefined) return undefined;
  const code = String(socket.code);
  const where =
    typeof socket.address === "string"
      ? `${socket.address}${typeof socket.port === "number" ? `:${socket.port}` : ""}`
      : typeof socket.hostname === "string"
        ? socket.hostname
        : undefined;
  if (where === undefined) return undefined;
  return `cannot connect to ${where}: ${code}${error.operation === undefined ? "" : ` (${error.operation})`}`;
}
