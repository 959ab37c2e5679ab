// The properties Task_List and Job_List can filter on, with the operators the service allows
// for each, read from the tasks and jobs as they appear on the wire (CloudTask / CloudJob).

import type { FilterField, FilterFields } from "./filter-compiler.js";
import { parseIsoDateTime } from "./iso-datetime.js";

/** The parts of a CloudTask that a task filter reads. */
export interface TaskView {
  id?: string;
  state?: string;
  creationTime?: string;
  stateTransitionTime?: string;
  lastModified?: string;
  executionInfo?: {
    startTime?: string;
    endTime?: string;
    exitCode?: number;
    result?: string;
  };
}

/** The parts of a CloudJob that a job filter reads. */
export interface JobView {
  id?: string;
  state?: string;
  creationTime?: string;
  stateTransitionTime?: string;
  lastModified?: string;
  executionInfo?: {
    startTime?: string;
    endTime?: string;
    poolId?: string;
  };
}

const ORDERED = ["eq", "ne", "ge", "gt", "le", "lt"] as const;
const TEXT_OPS = ["startswith", ...ORDERED] as const;
const EQUALITY = ["eq", "ne"] as const;

export const TASK_STATES = ["active", "preparing", "running", "completed"] as const;
export const TASK_RESULTS = ["success", "failure"] as const;
export const JOB_STATES = [
  "active",
  "disabling",
  "disabled",
  "enabling",
  "terminating",
  "completed",
  "deleting",
] as const;

function time(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseIsoDateTime(text);
}

function timeField<T>(get: (item: T) => string | undefined): FilterField<T> {
  return { type: "datetime", ops: ORDERED, get: (item) => time(get(item)) };
}

function commonFields<T extends TaskView | JobView>(states: readonly string[]): FilterFields<T> {
  const lastModified = timeField<T>((item) => item.lastModified);
  return {
    id: { type: "string", ops: TEXT_OPS, get: (item) => item.id },
    state: { type: "enum", ops: EQUALITY, values: states, get: (item) => item.state },
    stateTransitionTime: timeField((item) => item.stateTransitionTime),
    creationTime: timeField((item) => item.creationTime),
    lastModified,
    // The service's filter documentation names this property lastModifiedTime.
    lastModifiedTime: lastModified,
    "executionInfo/startTime": timeField((item) => item.executionInfo?.startTime),
    "executionInfo/endTime": timeField((item) => item.executionInfo?.endTime),
  };
}

export const taskFilterFields: FilterFields<TaskView> = {
  ...commonFields<TaskView>(TASK_STATES),
  "executionInfo/exitCode": {
    type: "int",
    ops: ORDERED,
    get: (task) => task.executionInfo?.exitCode,
  },
  "executionInfo/result": {
    type: "enum",
    ops: EQUALITY,
    values: TASK_RESULTS,
    get: (task) => task.executionInfo?.result,
  },
};

export const jobFilterFields: FilterFields<JobView> = {
  ...commonFields<JobView>(JOB_STATES),
  "executionInfo/poolId": {
    type: "string",
    ops: TEXT_OPS,
    get: (job) => job.executionInfo?.poolId,
  },
};
