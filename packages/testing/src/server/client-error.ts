// Requests node:http cannot parse (a request line and headers over its 16 KB limit, bytes that
// are not HTTP) never reach the handlers. They still get an answer in the service's error
// shape, with a request id, before the connection closes; only a socket that can no longer be
// written to is dropped silently.

import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { errorResponse } from "../http/responses.js";
import { invalidInput, requestHeaderFieldsTooLarge } from "../service/error-catalog.js";
import type { ServiceError } from "../service/service-error.js";

function answerFor(error: NodeJS.ErrnoException): ServiceError {
  if (error.code === "HPE_HEADER_OVERFLOW") return requestHeaderFieldsTooLarge();
  return invalidInput(error.code ?? error.message);
}

/** A `clientError` listener for the emulator's node:http server. */
export function answerClientError(origin: () => string) {
  return async (error: NodeJS.ErrnoException, socket: Duplex): Promise<void> => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = answerFor(error);
    const response = errorResponse(
      { requestId: randomUUID(), echoClientRequestId: undefined, origin: origin() },
      answer,
    );
    const body = Buffer.from(await response.arrayBuffer());
    const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ""}`];
    for (const [name, value] of response.headers) head.push(`${name}: ${value}`);
    head.push(`Content-Length: ${body.length}`, "Connection: close", "", "");
    socket.end(Buffer.concat([Buffer.from(head.join("\r\n"), "latin1"), body]));
  };
}
