// The records the store holds: one compact object of plain data per job and per task, with no
// methods or prototypes, so a store may keep them as they are, copy them, or serialize them
// (structuredClone or JSON) and give back equal data later. Wire JSON (CloudJob, CloudTask) is
// never stored; the service builds it on read. Times are epoch ms.

import type { JobAddParameter, TaskAddParameter, TaskConstraints } from "@batch/types";

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

/** A validated JobAddParameter, as stored. */
export type JobSpec = JobAddParameter & {
  commonEnvironmentSettings?: { name: string; value?: string }[];
};

export interface FailureInfo {
  category: "usererror" | "servererror";
  code?: string;
  message?: string;
  details?: { name?: string; value?: string }[];
}

/** One run of a task (or subtask) on a node; absent until the task first leaves `active`. */
export interface RunRecord {
  startTime: number | undefined;
  endTime: number | undefined;
  exitCode: number | undefined;
  result: TaskResult | undefined;
  failureInfo: FailureInfo | undefined;
  /** Which fake node ran it; turned into nodeInfo on read. */
  node: number;
}

export interface SubtaskRecord extends RunRecord {
  readonly id: number;
  state: SubtaskState;
  stateTime: number;
  previousState: SubtaskState | undefined;
  previousStateTime: number | undefined;
}

export interface TaskRecord {
  /** Insertion order within the service, never reused; the skip token of task lists. */
  readonly seq: number;
  readonly id: string;
  /** The validated TaskAddParameter; its constraints are superseded by `constraints`. */
  readonly spec: TaskAddParameter;
  readonly creationTime: number;
  state: TaskState;
  stateTime: number;
  previousState: TaskState | undefined;
  previousStateTime: number | undefined;
  lastModified: number;
  /** Version number behind the ETag; bumped on every change. */
  version: number;
  /** Constraints as last given (add or update); undefined means the defaults. */
  constraints: TaskConstraints | undefined;
  /** maxTaskRetryCount in force: the task's own, else the job's at add time, else 0. */
  maxRetries: number;
  retryCount: number;
  requeueCount: number;
  lastRetryTime: number | undefined;
  lastRequeueTime: number | undefined;
  run: RunRecord | undefined;
  subtasks: SubtaskRecord[] | undefined;
  /**
   * Position in the task's flattened dependency list of the first parent not yet satisfied;
   * -1 once every parent is satisfied (or when there are none).
   */
  dependencyCursor: number;
}

export interface JobRecord {
  readonly seq: number;
  readonly id: string;
  readonly spec: JobSpec;
  readonly creationTime: number;
  state: JobState;
  stateTime: number;
  previousState: JobState | undefined;
  previousStateTime: number | undefined;
  lastModified: number;
  version: number;
  endTime: number | undefined;
  terminateReason: string | undefined;
  /** Retries of the job's tasks so far (the numTaskRetries statistic). */
  taskRetries: number;
}

export function newRunRecord(node: number): RunRecord {
  return {
    startTime: undefined,
    endTime: undefined,
    exitCode: undefined,
    result: undefined,
    failureInfo: undefined,
    node,
  };
}

export function newSubtaskRecord(id: number, now: number, node: number): SubtaskRecord {
  return {
    ...newRunRecord(node),
    id,
    state: "preparing",
    stateTime: now,
    previousState: undefined,
    previousStateTime: undefined,
  };
}

// A class rather than an object literal: V8 lays out its instances more compactly (about 32
// bytes less per task), which matters at a million tasks. It has no methods, so a copy made
// by structuredClone or JSON is as good a record as the original.
class NewTaskRecord implements TaskRecord {
  readonly seq: number;
  readonly id: string;
  readonly spec: TaskAddParameter;
  readonly creationTime: number;
  state: TaskState = "active";
  stateTime: number;
  previousState: TaskState | undefined = undefined;
  previousStateTime: number | undefined = undefined;
  lastModified: number;
  version: number;
  constraints: TaskConstraints | undefined;
  maxRetries: number;
  retryCount = 0;
  requeueCount = 0;
  lastRetryTime: number | undefined = undefined;
  lastRequeueTime: number | undefined = undefined;
  run: RunRecord | undefined = undefined;
  subtasks: SubtaskRecord[] | undefined = undefined;
  dependencyCursor: number;

  constructor(
    seq: number,
    spec: TaskAddParameter,
    now: number,
    version: number,
    maxRetries: number,
  ) {
    this.seq = seq;
    this.id = spec.id;
    this.spec = spec;
    this.creationTime = now;
    this.stateTime = now;
    this.lastModified = now;
    this.version = version;
    this.constraints = spec.constraints;
    this.maxRetries = maxRetries;
    this.dependencyCursor = spec.dependsOn ? 0 : -1;
  }
}

export function newTaskRecord(
  seq: number,
  spec: TaskAddParameter,
  now: number,
  version: number,
  maxRetries: number,
): TaskRecord {
  return new NewTaskRecord(seq, spec, now, version, maxRetries);
}

export function newJobRecord(seq: number, spec: JobSpec, now: number, version: number): JobRecord {
  return {
    seq,
    id: spec.id,
    spec,
    creationTime: now,
    state: "active",
    stateTime: now,
    previousState: undefined,
    previousStateTime: undefined,
    lastModified: now,
    version,
    endTime: undefined,
    terminateReason: undefined,
    taskRetries: 0,
  };
}
