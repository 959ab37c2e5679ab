// @ts-check
// The task every emulator benchmark adds: a realistic small task (command line, display name,
// an environment setting and constraints; ~230 bytes of JSON), the same for every scenario.

/** @param {number} i */
export function benchTask(i) {
  return {
    id: `task-${String(i).padStart(7, "0")}`,
    displayName: `Frame ${i}`,
    commandLine: `/bin/sh -c "render --frame ${i} --out $AZ_BATCH_TASK_WORKING_DIR/out"`,
    environmentSettings: [{ name: "FRAME", value: String(i) }],
    constraints: { maxTaskRetryCount: 2 },
  };
}
