import { describe, expect, it } from "vitest";
import { ServiceError } from "../service-error.js";
import { checkTaskAgainstJob, validateTaskAddParameter } from "./task-add-parameter.js";

function errorOf(action: () => unknown): ServiceError {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("expected a ServiceError");
}

function detail(error: ServiceError, key: string): string | undefined {
  return error.values?.find((v) => v.key === key)?.value;
}

const base = { id: "t1", commandLine: "echo hi" };

describe("validateTaskAddParameter", () => {
  it("accepts a minimal task", () => {
    expect(validateTaskAddParameter(base)).toEqual(base);
  });

  it.each(["id", "commandLine"])("answers a missing %s with MissingRequiredProperty", (name) => {
    const body: Record<string, unknown> = { ...base };
    delete body[name];
    const error = errorOf(() => validateTaskAddParameter(body));
    expect(error.status).toBe(400);
    expect(error.code).toBe("MissingRequiredProperty");
    expect(detail(error, "PropertyName")).toBe(name);
  });

  it("answers a missing required nested property with MissingRequiredProperty", () => {
    const error = errorOf(() =>
      validateTaskAddParameter({ ...base, multiInstanceSettings: { numberOfInstances: 2 } }),
    );
    expect(error.code).toBe("MissingRequiredProperty");
    expect(detail(error, "PropertyName")).toBe("coordinationCommandLine");
  });

  it.each([
    ["an invalid id", { id: "has space" }, "id"],
    ["an empty id", { id: "" }, "id"],
    ["a 65-character id", { id: "a".repeat(65) }, "id"],
    ["a number for commandLine", { commandLine: 42 }, "commandLine"],
    ["a bad enum value", { userIdentity: { autoUser: { scope: "galaxy" } } }, "scope"],
    ["a negative requiredSlots", { requiredSlots: -1 }, "requiredSlots"],
    ["zero requiredSlots", { requiredSlots: 0 }, "requiredSlots"],
    ["a fractional requiredSlots", { requiredSlots: 1.5 }, "requiredSlots"],
    ["an invalid duration", { constraints: { maxWallClockTime: "1 hour" } }, "maxWallClockTime"],
    ["a retry count below -1", { constraints: { maxTaskRetryCount: -2 } }, "maxTaskRetryCount"],
    [
      "requiredSlots other than 1 on a multi-instance task",
      { requiredSlots: 2, multiInstanceSettings: { coordinationCommandLine: "c" } },
      "requiredSlots",
    ],
    [
      "numberOfInstances below 1",
      { multiInstanceSettings: { numberOfInstances: 0, coordinationCommandLine: "c" } },
      "numberOfInstances",
    ],
    [
      "a dependency range that runs backwards",
      { dependsOn: { taskIdRanges: [{ start: 5, end: 1 }] } },
      "end",
    ],
    [
      "an exit code range that runs backwards",
      { exitConditions: { exitCodeRanges: [{ start: 9, end: 1, exitOptions: {} }] } },
      "end",
    ],
    [
      "both a user name and an auto user",
      { userIdentity: { username: "u", autoUser: {} } },
      "autoUser",
    ],
    [
      "a resource file with two sources",
      { resourceFiles: [{ httpUrl: "h", storageContainerUrl: "s", filePath: "f" }] },
      "resourceFiles",
    ],
    ["a resource file without a source", { resourceFiles: [{ filePath: "f" }] }, "resourceFiles"],
    [
      "an httpUrl resource file without filePath",
      { resourceFiles: [{ httpUrl: "h" }] },
      "filePath",
    ],
    [
      "a resource file path leaving the directory",
      { resourceFiles: [{ httpUrl: "h", filePath: "../x" }] },
      "filePath",
    ],
    ["an array where an object belongs", { constraints: [] }, "constraints"],
    ["a display name over 1024 characters", { displayName: "d".repeat(1025) }, "displayName"],
  ])("answers %s with InvalidPropertyValue", (_, patch, property) => {
    const error = errorOf(() => validateTaskAddParameter({ ...base, ...patch }));
    expect(error.status).toBe(400);
    expect(error.code).toBe("InvalidPropertyValue");
    expect(detail(error, "PropertyName")).toBe(property);
    expect(detail(error, "Reason")).toBeTruthy();
  });

  it("echoes the refused value", () => {
    const error = errorOf(() => validateTaskAddParameter({ ...base, id: "bad id!" }));
    expect(detail(error, "PropertyValue")).toBe("bad id!");
  });

  it.each([
    [{ ...base, someFutureField: { a: 1 } }, "someFutureField", "someFutureField"],
    [{ ...base, constraints: { extra: 1 } }, "extra", "constraints.extra"],
    [{ ...base, commandline: "typo" }, "commandline", "commandline"],
    [
      { ...base, environmentSettings: [{ name: "A" }, { name: "B", valu: "x" }] },
      "valu",
      "environmentSettings[1].valu",
    ],
    [
      { ...base, exitConditions: { default: { jobAction: "none", retry: true } } },
      "retry",
      "exitConditions.default.retry",
    ],
  ])("refuses an unknown property anywhere with UnsupportedProperty (%#)", (body, name, path) => {
    const error = errorOf(() => validateTaskAddParameter(body));
    expect(error.status).toBe(400);
    expect(error.code).toBe("UnsupportedProperty");
    expect(detail(error, "PropertyName")).toBe(name);
    expect(detail(error, "Reason")).toMatch(new RegExp(`^${path.replace(/[.[\]]/g, "\\$&")}: `));
  });

  it("lets OData annotations through without keeping them", () => {
    const task = validateTaskAddParameter({
      ...base,
      "odata.type": "#Microsoft.Azure.Batch.Protocol.Entities.TaskAddParameter",
      "commandLine@odata.type": "Edm.String",
      constraints: { "odata.etag": "x" },
    });
    expect(task).toEqual({ ...base, constraints: {} });
  });

  it("treats null as absent", () => {
    expect(validateTaskAddParameter({ ...base, displayName: null })).toEqual(base);
  });

  it("reads enum values in any case and stores the spec spelling", () => {
    const task = validateTaskAddParameter({
      ...base,
      userIdentity: { autoUser: { scope: "Task", elevationLevel: "NonAdmin" } },
    });
    expect(task.userIdentity).toEqual({ autoUser: { scope: "task", elevationLevel: "nonadmin" } });
  });

  it("refuses dependency id lists over 64000 characters", () => {
    const taskIds = Array.from({ length: 1001 }, (_, i) => `${i}`.padStart(64, "x"));
    const error = errorOf(() => validateTaskAddParameter({ ...base, dependsOn: { taskIds } }));
    expect(error.code).toBe("TaskDependencyListTooLong");
    expect(error.status).toBe(400);
  });

  it("accepts a full task", () => {
    const full = {
      id: "full_task-1",
      displayName: "Full",
      commandLine: "/bin/sh -c 'echo'",
      containerSettings: { imageName: "ubuntu", workingDirectory: "taskWorkingDirectory" },
      exitConditions: {
        exitCodes: [
          { code: 1, exitOptions: { jobAction: "terminate", dependencyAction: "block" } },
        ],
        default: { dependencyAction: "satisfy" },
      },
      resourceFiles: [{ httpUrl: "https://x/y", filePath: "y" }],
      outputFiles: [
        {
          filePattern: "*.txt",
          destination: { container: { containerUrl: "https://c" } },
          uploadOptions: { uploadCondition: "taskcompletion" },
        },
      ],
      environmentSettings: [{ name: "A", value: "1" }],
      affinityInfo: { affinityId: "TVM:x" },
      constraints: { maxWallClockTime: "PT1H", retentionTime: "P1D", maxTaskRetryCount: 2 },
      requiredSlots: 2,
      userIdentity: { autoUser: { scope: "pool", elevationLevel: "admin" } },
      dependsOn: { taskIds: ["a"], taskIdRanges: [{ start: 1, end: 3 }] },
      applicationPackageReferences: [{ applicationId: "app", version: "1" }],
      authenticationTokenSettings: { access: ["job"] },
    };
    expect(validateTaskAddParameter(full)).toEqual(full);
  });
});

describe("checkTaskAgainstJob", () => {
  const plainJob = { usesTaskDependencies: false, onTaskFailure: "noaction" } as const;
  const depsJob = {
    usesTaskDependencies: true,
    onTaskFailure: "performexitoptionsjobaction",
  } as const;

  it("refuses dependencies on a job without usesTaskDependencies", () => {
    const task = validateTaskAddParameter({ ...base, dependsOn: { taskIds: ["a"] } });
    const error = errorOf(() => checkTaskAgainstJob(task, plainJob));
    expect(error.code).toBe("TaskDependenciesNotSpecifiedOnJob");
    expect(error.status).toBe(400);
    expect(() => checkTaskAgainstJob(task, depsJob)).not.toThrow();
  });

  it("refuses a jobAction unless the job performs exit option job actions", () => {
    const task = validateTaskAddParameter({
      ...base,
      exitConditions: { default: { jobAction: "terminate" } },
    });
    const error = errorOf(() => checkTaskAgainstJob(task, plainJob));
    expect(error.code).toBe("InvalidPropertyValue");
    expect(detail(error, "PropertyName")).toBe("jobAction");
    expect(() => checkTaskAgainstJob(task, depsJob)).not.toThrow();
  });

  it("refuses a dependencyAction on a job without dependencies", () => {
    const task = validateTaskAddParameter({
      ...base,
      exitConditions: { exitCodes: [{ code: 2, exitOptions: { dependencyAction: "satisfy" } }] },
    });
    const error = errorOf(() => checkTaskAgainstJob(task, plainJob));
    expect(detail(error, "PropertyName")).toBe("dependencyAction");
  });
});
