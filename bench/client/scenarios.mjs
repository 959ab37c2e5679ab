// @ts-check
// The three scenarios of issue 4, each written once against the small interface every
// contender implements ({ get, addCollection, addMany?, items }), and each checked: a run that
// does not get, add or list every task it should throws instead of reporting a time.
import { benchTasks } from "./tasks.mjs";

export const scenarios = {
  get: {
    title: "(1) 5,000 sequential task gets",
    /** @param {any} contender @param {any} server */
    prepare: () => undefined,
    /** @param {any} contender @param {any} server */
    async warmUp(contender, server) {
      for (let i = 0; i < 200; i++) await contender.get(server.getJob, server.getTask);
    },
    /** @param {any} contender @param {any} server */
    async run(contender, server) {
      for (let i = 0; i < 5000; i++) {
        const task = await contender.get(server.getJob, server.getTask);
        if (task.id !== server.getTask) throw new Error(`get returned ${task.id}`);
      }
      return 5000;
    },
  },
  add: {
    title: "(2) 20,000 tasks added in chunks of 100",
    prepare: () => benchTasks(0, 20_000),
    /** @param {any} contender @param {any} _server @param {number} concurrency */
    async warmUp(contender, _server, concurrency) {
      await addAll(contender, "bench-warm-up", benchTasks(900_000, 400), concurrency);
    },
    /** @param {any} contender @param {any} _server @param {number} concurrency @param {any[]} tasks */
    async run(contender, _server, concurrency, tasks) {
      const added = await addAll(contender, "bench-add", tasks, concurrency);
      if (added !== tasks.length) throw new Error(`added ${added} of ${tasks.length}`);
      return added;
    },
  },
  list: {
    title: "(3) iterating 100,000 tasks (100 pages)",
    prepare: () => undefined,
    /** @param {any} contender @param {any} server */
    async warmUp(contender, server) {
      let seen = 0;
      for await (const _task of contender.items(server.listJob)) if (++seen === 2000) break;
    },
    /** @param {any} contender @param {any} server */
    async run(contender, server) {
      let seen = 0;
      for await (const task of contender.items(server.listJob)) if (task.id) seen++;
      if (seen !== server.listCount) throw new Error(`listed ${seen} of ${server.listCount}`);
      return seen;
    },
  },
};

/**
 * addMany where the contender has it (ours), otherwise chunks of 100 through addCollection
 * with `concurrency` workers, counting the per-task successes.
 * @param {any} contender @param {string} job @param {any[]} tasks @param {number} concurrency
 */
async function addAll(contender, job, tasks, concurrency) {
  if (contender.addMany) return contender.addMany(job, tasks, concurrency);
  let next = 0;
  let added = 0;
  async function worker() {
    while (next < tasks.length) {
      const chunk = tasks.slice(next, next + 100);
      next += 100;
      const results = await contender.addCollection(job, chunk);
      for (const result of results) if (result.status === "success") added++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return added;
}
