import { describe, expect, it } from "vitest";
import { jobFromFlags } from "./job-from-flags.js";
import { taskFromFlags } from "./task-from-flags.js";

describe("taskFromFlags", () => {
  it("builds every field az's flags cover", () => {
    expect(
      taskFromFlags({
        taskId: "t1",
        commandLine: "run.sh",
        displayName: "Run",
        maxWallClockTime: "2h",
        retentionTime: "P1D",
        maxTaskRetryCount: 3,
        requiredSlots: 2,
        environmentSettings: ["MODE=fast", "EQ=a=b"],
        resourceFiles: ["in.txt=https://x/in.txt?sv=1"],
        dependsOn: ["a", "1-5"],
        affinityId: "node-1",
        applicationPackageReferences: ["app#1.0", "tool"],
        runElevated: true,
      }),
    ).toEqual({
      id: "t1",
      commandLine: "run.sh",
      displayName: "Run",
      constraints: { maxWallClockTime: "PT2H", retentionTime: "P1D", maxTaskRetryCount: 3 },
      requiredSlots: 2,
      environmentSettings: [
        { name: "MODE", value: "fast" },
        { name: "EQ", value: "a=b" },
      ],
      resourceFiles: [{ filePath: "in.txt", httpUrl: "https://x/in.txt?sv=1" }],
      dependsOn: { taskIds: ["a"], taskIdRanges: [{ start: 1, end: 5 }] },
      affinityInfo: { affinityId: "node-1" },
      applicationPackageReferences: [
        { applicationId: "app", version: "1.0" },
        { applicationId: "tool" },
      ],
      userIdentity: { autoUser: { elevationLevel: "admin" } },
    });
  });

  it("names the missing required flag", () => {
    expect(() => taskFromFlags({ commandLine: "x" })).toThrow(/--task-id is required/);
    expect(() => taskFromFlags({ taskId: "t" })).toThrow(/--command-line is required/);
    expect(() =>
      taskFromFlags({ taskId: "t", commandLine: "x", environmentSettings: ["NOVALUE"] }),
    ).toThrow(/NAME=VALUE/);
    expect(() => taskFromFlags({ taskId: "t", commandLine: "x", dependsOn: ["5-1"] })).toThrow(
      /ends before/,
    );
  });
});

describe("jobFromFlags", () => {
  it("builds a job and requires an id and a pool", () => {
    expect(jobFromFlags({ id: "j", poolId: "p", priority: 5, usesTaskDependencies: true })).toEqual(
      {
        id: "j",
        poolInfo: { poolId: "p" },
        priority: 5,
        usesTaskDependencies: true,
      },
    );
    expect(() => jobFromFlags({ poolId: "p" })).toThrow(/--id is required/);
    expect(() => jobFromFlags({ id: "j" })).toThrow(/--pool-id is required/);
  });
});
