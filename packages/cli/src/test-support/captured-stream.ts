// A writable stream that keeps what is written to it, for the unit tests of code that prints.
import { PassThrough } from "node:stream";

export interface CapturedStream {
  stream: PassThrough;
  /** Everything written so far, as text. */
  text(): string;
}

export function capturedStream(): CapturedStream {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  return { stream, text: () => text };
}
