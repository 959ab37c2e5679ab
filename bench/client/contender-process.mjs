// @ts-check
// One measured run: one contender, one scenario, in a process of its own so that its memory
// peak and CPU are its alone. Prints one JSON line ({ wallMs, cpuMs, maxRssBytes, peakHeapBytes,
// loadedRssBytes, items }) and exits (process.exit: @azure/batch's runtime may keep timers
// alive). `loadedRssBytes` is the RSS once the contender is loaded and created, before any work.
// It imports nothing but the contender: the account comes from the server's announcement, so
// that no module of the harness (@batch/testing alone adds ~30 MiB of RSS and ~10 MiB of heap)
// counts in a contender's memory.
import { contenders } from "./contenders.mjs";
import { scenarios } from "./scenarios.mjs";

const spec = JSON.parse(process.argv[2] ?? "{}");
const entry = contenders[spec.contender];
const scenario = scenarios[spec.scenario];
if (!entry || !scenario) throw new Error(`unknown contender or scenario: ${process.argv[2]}`);

const { create } = await import(entry.module);
const contender = create({
  url: spec.server.url,
  account: spec.server.account,
  key: spec.server.key,
  ...entry.options,
});
const loadedRssBytes = process.memoryUsage().rss;
const input = scenario.prepare();
await scenario.warmUp(contender, spec.server, spec.concurrency);

let peakHeap = process.memoryUsage().heapUsed;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 10);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const items = await scenario.run(contender, spec.server, spec.concurrency, input);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);

process.stdout.write(
  `${JSON.stringify({
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    peakHeapBytes: peakHeap,
    loadedRssBytes,
    items,
  })}\n`,
);
process.exit(0);
