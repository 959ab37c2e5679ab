// The records the store holds: one compact, mutable object per job and per task. Wire JSON
// (CloudJob, CloudTask) is never stored; the service builds it on read. Times are epoch ms.

import type { JobAddParameter, TaskAddParameter, TaskConstraints } from "@batch/types";

/** A validated JobAddParameter, as stored. */
export type JobSpec = JobAddParameter & {
  commonEnvironmentSettings?: { name: string; value?: string }[];
};

export type TaskState = "active" | "preparing" | "running" | "completed";
export type SubtaskState = "preparing" | "running" | "completed";
export type JobState =
  | "active"
  | "disabling"
  | "disabled"
  | "enabling"
  | "terminating"
  | "completed"
  | "deleting";
export type TaskResult = "success" | "failure";

export interface FailureInfo {
  category: "usererror" | "servererror";
  code?: string;
  message?: string;
  details?: { name?: string; value?: string }[];
}

/** One run of a task (or subtask) on a node; absent until the task first leaves `active`. */
export class RunRecord {
  startTime: number | undefined = undefined;
  endTime: number | undefined = undefined;
  exitCode: number | undefined = undefined;
  result: TaskResult | undefined = undefined;
  failureInfo: FailureInfo | undefined = undefined;
  /** Which fake node ran it; turned into nodeInfo on read. */
  node = 0;
}

export class SubtaskRecord extends RunRecord {
  state: SubtaskState = "preparing";
  stateTime: number;
  previousState: SubtaskState | undefined = undefined;
  previousStateTime: number | undefined = undefined;

  constructor(
    readonly id: number,
    now: number,
    node: number,
  ) {
    super();
    this.stateTime = now;
    this.node = node;
  }
}

export class TaskRecord {
  state: TaskState = "active";
  stateTime: number;
  previousState: TaskState | undefined = undefined;
  previousStateTime: number | undefined = undefined;
  lastModified: number;
  /** Version number behind the ETag; bumped on every change. */
  version: number;
  /** Constraints as last given (add or update); undefined means the defaults. */
  constraints: TaskConstraints | undefined;
  /** maxTaskRetryCount in force: the task's own, else the job's at add time, else 0. */
  maxRetries: number;
  retryCount = 0;
  requeueCount = 0;
  lastRetryTime: number | undefined = undefined;
  run: RunRecord | undefined = undefined;
  subtasks: SubtaskRecord[] | undefined = undefined;
  /**
   * Position in the task's flattened dependency list of the first parent not yet satisfied;
   * -1 once every parent is satisfied (or when there are none).
   */
  dependencyCursor: number;
  removed = false;
  readonly creationTime: number;

  constructor(
    /** Insertion order within the service; the skip token of task lists. */
    readonly seq: number,
    readonly id: string,
    /** The validated TaskAddParameter; its constraints are superseded by `constraints`. */
    readonly spec: TaskAddParameter,
    now: number,
    version: number,
    maxRetries: number,
  ) {
    this.creationTime = now;
    this.stateTime = now;
    this.lastModified = now;
    this.version = version;
    this.constraints = spec.constraints;
    this.maxRetries = maxRetries;
    this.dependencyCursor = spec.dependsOn ? 0 : -1;
  }

  get requiredSlots(): number {
    return this.spec.requiredSlots ?? 1;
  }

  get numberOfInstances(): number {
    return this.spec.multiInstanceSettings
      ? (this.spec.multiInstanceSettings.numberOfInstances ?? 1)
      : 0;
  }
}

export class JobRecord {
  state: JobState = "active";
  stateTime: number;
  previousState: JobState | undefined = undefined;
  previousStateTime: number | undefined = undefined;
  lastModified: number;
  version: number;
  endTime: number | undefined = undefined;
  terminateReason: string | undefined = undefined;
  removed = false;
  /** The job id as it appears in URLs, encoded once. */
  readonly urlPath: string;

  constructor(
    readonly seq: number,
    readonly id: string,
    readonly spec: JobSpec,
    readonly creationTime: number,
    version: number,
  ) {
    this.stateTime = creationTime;
    this.lastModified = creationTime;
    this.version = version;
    this.urlPath = `/jobs/${encodeURIComponent(id)}`;
  }

  get key(): string {
    return this.id.toLowerCase();
  }

  get usesTaskDependencies(): boolean {
    return this.spec.usesTaskDependencies === true;
  }

  get onAllTasksComplete(): "noaction" | "terminatejob" {
    return this.spec.onAllTasksComplete ?? "noaction";
  }

  get onTaskFailure(): "noaction" | "performexitoptionsjobaction" {
    return this.spec.onTaskFailure ?? "noaction";
  }

  get maxTaskRetryCount(): number {
    return this.spec.constraints?.maxTaskRetryCount ?? 0;
  }

  get poolId(): string {
    return this.spec.poolInfo.poolId;
  }
}
