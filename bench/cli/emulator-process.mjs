// @ts-check
// The Batch emulator for the CLI benchmark, in a process of its own so that the measuring
// process does nothing but start commands and wait for them. It holds one job with one task,
// prints `{ url, account, key }` on one line when ready, and serves until it is killed.
import { startEmulator } from "@batch/testing";

const emulator = await startEmulator({ host: "127.0.0.1", port: 0, executor: "manual" });
emulator.service.addJob({ id: "job", poolInfo: { poolId: "pool" } });
emulator.service.addTask("job", { id: "task", commandLine: "echo hi" });
process.stdout.write(
  `${JSON.stringify({ url: emulator.url, account: emulator.account, key: emulator.key })}\n`,
);
process.on("SIGTERM", () => {
  void emulator.close().then(() => process.exit(0));
});
