// The emulator an end-to-end test file runs the CLI against: on loopback at a free port, with
// the manual executor (the tests move tasks through their states) unless told otherwise, and
// the environment that points the CLI at it.
import { type Emulator, type EmulatorOptions, startEmulator } from "@batch/testing";
import { accountEnv } from "./batch-process.js";

export interface TestEmulator {
  emulator: Emulator;
  /** AZURE_BATCH_ENDPOINT, _ACCOUNT and _ACCESS_KEY for this emulator. */
  env: Record<string, string>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({
    host: "127.0.0.1",
    port: 0,
    executor: "manual",
    ...options,
  });
  return { emulator, env: accountEnv(emulator) };
}
