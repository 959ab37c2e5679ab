// Task dependencies of one job. A dependent walks its parents in order (taskIds, then every id
// of each taskIdRange) and waits on the first one not yet satisfied, registered under that
// parent's id only; when that parent completes, the walk resumes from there. So each parent of
// each dependent is checked a small number of times, whatever the fan-in. Dependents are kept
// by sequence number and id, never by object, so the records can live in any store.

import type { TaskDependencies } from "@batch/types";
import type { TaskRecord } from "../store/records.js";

/** The id of the dependency at `index` of the flattened list, or undefined past its end. */
export function parentIdAt(deps: TaskDependencies, index: number): string | undefined {
  const ids = deps.taskIds ?? [];
  if (index < ids.length) return ids[index];
  let offset = index - ids.length;
  for (const range of deps.taskIdRanges ?? []) {
    const size = range.end - range.start + 1;
    if (offset < size) return String(range.start + offset);
    offset -= size;
  }
  return undefined;
}

/** A task waiting on a parent: its id, and its sequence number to tell it from a later one. */
export interface Dependent {
  seq: number;
  id: string;
}

export class DependencyIndex {
  private readonly waiters = new Map<string, Map<number, string>>();

  /**
   * Moves the dependent's cursor past every satisfied parent. Returns true when none is left
   * (the task may run); otherwise registers it under the parent it now waits for.
   */
  advance(task: TaskRecord, isSatisfied: (parentId: string) => boolean): boolean {
    const deps = task.spec.dependsOn;
    if (!deps || task.dependencyCursor < 0) return true;
    this.forget(task);
    let cursor = task.dependencyCursor;
    for (;;) {
      const parentId = parentIdAt(deps, cursor);
      if (parentId === undefined) {
        task.dependencyCursor = -1;
        return true;
      }
      if (!isSatisfied(parentId)) {
        task.dependencyCursor = cursor;
        const key = parentId.toLowerCase();
        let dependents = this.waiters.get(key);
        if (!dependents) {
          dependents = new Map();
          this.waiters.set(key, dependents);
        }
        dependents.set(task.seq, task.id);
        return false;
      }
      cursor += 1;
    }
  }

  /** The dependents waiting on this parent; they should `advance` again. */
  waitingOn(parentId: string): Dependent[] {
    const dependents = this.waiters.get(parentId.toLowerCase());
    return dependents ? [...dependents].map(([seq, id]) => ({ seq, id })) : [];
  }

  forget(task: TaskRecord): void {
    const deps = task.spec.dependsOn;
    if (!deps || task.dependencyCursor < 0) return;
    const parentId = parentIdAt(deps, task.dependencyCursor);
    if (parentId === undefined) return;
    const key = parentId.toLowerCase();
    const dependents = this.waiters.get(key);
    if (!dependents) return;
    dependents.delete(task.seq);
    if (dependents.size === 0) this.waiters.delete(key);
  }
}
