// @ts-check
// The tasks every contender sends and the server lists: the same realistic shape for all (a
// command line, resource files, environment settings and constraints, ~400 bytes of JSON).

/** @param {number} i */
export function benchTask(i) {
  const id = `task-${String(i).padStart(6, "0")}`;
  return {
    id,
    displayName: `Frame ${i}`,
    commandLine: `/bin/sh -c "render --frame ${i} --out $AZ_BATCH_TASK_WORKING_DIR/out"`,
    resourceFiles: [
      {
        httpUrl: `https://assets.example.com/scenes/scene-${i % 50}.blend`,
        filePath: "scene.blend",
      },
      { httpUrl: "https://assets.example.com/tools/render.tar.gz", filePath: "render.tar.gz" },
    ],
    environmentSettings: [
      { name: "FRAME", value: String(i) },
      { name: "QUALITY", value: "high" },
    ],
    constraints: { maxWallClockTime: "PT1H", maxTaskRetryCount: 2 },
  };
}

/** `count` tasks starting at `first`. */
export function benchTasks(first, count) {
  return Array.from({ length: count }, (_, k) => benchTask(first + k));
}
