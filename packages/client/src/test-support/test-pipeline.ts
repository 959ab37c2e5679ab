// Test-only: the client's pipeline in the client's order (headers, retry, timeout, Shared Key,
// transport) with the knobs the client does not expose, such as the deadline's timers.
import { SharedKeyCredential } from "../credentials/shared-key-credential.js";
import { headersMiddleware } from "../middleware/headers.js";
import { type RetryOptions, retryMiddleware } from "../middleware/retry.js";
import { sharedKeyMiddleware } from "../middleware/shared-key.js";
import { timeoutMiddleware } from "../middleware/timeout.js";
import { transportStep } from "../middleware/transport.js";
import {
  createPipeline,
  type FetchLike,
  newCallRecord,
  type Pipeline,
  type PipelineStep,
} from "../pipeline.js";
import { RequestHeaders } from "../request-headers.js";
import type { Timers } from "../timers.js";
import { devAccount, devKey } from "./scripted-fetch.js";

export interface TestPipelineOptions {
  timeoutMs?: number;
  timers?: Timers;
  retry?: RetryOptions;
  /** The auth step (default: Shared Key with the development key). */
  auth?: PipelineStep;
}

export function testPipeline(fetch: FetchLike, options: TestPipelineOptions = {}): Pipeline {
  return createPipeline({
    headers: headersMiddleware({ apiVersion: "2025-06-01", userAgent: undefined }),
    retry: retryMiddleware({ sleep: async () => undefined, random: () => 0.5, ...options.retry }),
    timeout: timeoutMiddleware({
      timeoutMs: options.timeoutMs,
      ...(options.timers ? { timers: options.timers } : {}),
    }),
    auth: options.auth ?? sharedKeyMiddleware(new SharedKeyCredential(devAccount, devKey)),
    logging: undefined,
    transport: transportStep(fetch),
  });
}

/** Sends a Task_Get through `pipeline` and reads the answer's text; resolves with both. */
export async function sendGet(
  pipeline: Pipeline,
  url: string,
  signal?: AbortSignal,
): Promise<{ status: number; text: string; attempts: number }> {
  const record = newCallRecord();
  const response = await pipeline.send(
    { method: "GET", url, headers: new RequestHeaders() },
    { operation: "Task_Get", signal, record },
  );
  return { status: response.status, text: await response.text(), attempts: record.attempts };
}
