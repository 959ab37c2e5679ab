// What the emulator answers when node:http cannot parse a request at all.

import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./start-emulator.js";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ executor: "manual" });
});
afterAll(() => emulator.close());

/** Writes raw bytes to the emulator and reads everything until it closes the connection. */
function rawExchange(bytes: string): Promise<string> {
  const { hostname, port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", reject);
  });
}

function parse(answer: string) {
  const [head = "", body = ""] = answer.split("\r\n\r\n");
  const [statusLine = "", ...headerLines] = head.split("\r\n");
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  return { statusLine, headers, body: JSON.parse(body) };
}

describe("requests node:http cannot parse", () => {
  it("a request line and headers over 16 KB: 431 in the service's error shape", async () => {
    const answer = parse(
      await rawExchange(
        `GET /jobs/${"x".repeat(20_000)}?api-version=2025-06-01 HTTP/1.1\r\nHost: h\r\n\r\n`,
      ),
    );
    expect(answer.statusLine).toBe("HTTP/1.1 431 Request Header Fields Too Large");
    expect(answer.headers["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers["content-type"]).toBe("application/json;odata=minimalmetadata");
    expect(answer.headers.connection).toBe("close");
    expect(answer.body).toMatchObject({
      "odata.metadata": `${emulator.url}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element`,
      code: "RequestHeaderFieldsTooLarge",
      message: {
        lang: "en-US",
        value: expect.stringContaining(`RequestId:${answer.headers["request-id"]}`),
      },
    });
  });

  it("bytes that are not HTTP: 400 InvalidInput", async () => {
    const answer = parse(await rawExchange("HELLO THERE\r\n\r\n"));
    expect(answer.statusLine).toBe("HTTP/1.1 400 Bad Request");
    expect(answer.body.code).toBe("InvalidInput");
    expect(answer.body.message.value).toMatch(/^The request is not valid HTTP: HPE_/);
  });
});
