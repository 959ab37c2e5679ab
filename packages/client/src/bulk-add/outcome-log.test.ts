import type { TaskAddResult } from "@batch/types";
import { describe, expect, it } from "vitest";
import { BatchError } from "../errors.js";
import { OutcomeLog, type TaskAddOutcome } from "./outcome-log.js";

const entry = (taskId: string, n: number): TaskAddResult => ({
  status: "success",
  taskId,
  eTag: `0x${n}`,
  lastModified: `2026-11-28T00:00:0${n}.000Z`,
  location: `https://h/jobs/j/tasks/${taskId}`,
});

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("OutcomeLog", () => {
  it("rebuilds added tasks' details from the answer bytes they came in, in recording order", () => {
    const log = new OutcomeLog();
    const first = [entry("a", 1), entry("b", 2)];
    const second = [entry("c", 3)];
    const a1 = log.keepAnswer(encode({ value: first }));
    const a2 = log.keepAnswer(encode({ value: second }));
    log.recordAdded("b", 1, first[1]!, a1, 1);
    log.recordAdded("c", 3, second[0]!, a2, 0);
    const error = new BatchError({ kind: "service", code: "TaskExists", message: "exists" });
    log.recordNotAdded("d", "failed", 2, error);
    log.recordReconciled("e", 4);
    log.recordAdded("a", 1, first[0]!, a1, 0);

    expect(log.counts).toEqual({
      added: 4,
      failed: 1,
      skipped: 0,
      unknown: 0,
    });
    expect(log.toArray()).toEqual([
      {
        taskId: "b",
        status: "added",
        attempts: 1,
        reconciled: false,
        eTag: "0x2",
        lastModified: "2026-11-28T00:00:02.000Z",
        location: "https://h/jobs/j/tasks/b",
      },
      {
        taskId: "c",
        status: "added",
        attempts: 3,
        reconciled: false,
        eTag: "0x3",
        lastModified: "2026-11-28T00:00:03.000Z",
        location: "https://h/jobs/j/tasks/c",
      },
      { taskId: "d", status: "failed", attempts: 2, reconciled: false, error },
      { taskId: "e", status: "added", attempts: 4, reconciled: true },
      {
        taskId: "a",
        status: "added",
        attempts: 1,
        reconciled: false,
        eTag: "0x1",
        lastModified: "2026-11-28T00:00:01.000Z",
        location: "https://h/jobs/j/tasks/a",
      },
    ]);
    expect(log.toArray()[2]!.error).toBe(error);
  });

  it("hands the listener each outcome as it is recorded, equal to what toArray builds", () => {
    const heard: TaskAddOutcome[] = [];
    const log = new OutcomeLog((outcome) => heard.push(outcome));
    const value = [entry("x", 5)];
    log.recordAdded("x", 2, value[0]!, log.keepAnswer(encode({ value })), 0);
    expect(heard).toHaveLength(1);
    log.recordNotAdded("y", "failed", 0, new BatchError({ kind: "client", message: "bad" }));
    expect(heard).toHaveLength(2);
    expect(heard).toEqual(log.toArray());
  });

  it("keeps attempt counts of any realistic size", () => {
    const log = new OutcomeLog();
    log.recordReconciled("r", 100_000);
    expect(log.toArray()[0]).toMatchObject({ attempts: 100_000, reconciled: true });
  });

  it("records skipped and unknown tasks with the error that explains them", () => {
    const log = new OutcomeLog();
    const stop = new BatchError({ kind: "aborted", message: "aborted" });
    const lost = new BatchError({ kind: "network", message: "no answer" });
    log.recordNotAdded("s", "skipped", 0, stop);
    log.recordNotAdded("u", "unknown", 3, lost);
    expect(log.counts).toEqual({ added: 0, failed: 0, skipped: 1, unknown: 1 });
    expect(log.toArray()).toEqual([
      { taskId: "s", status: "skipped", attempts: 0, reconciled: false, error: stop },
      { taskId: "u", status: "unknown", attempts: 3, reconciled: false, error: lost },
    ]);
  });

  it("with keepAdded off, counts added tasks without keeping them or their answers", () => {
    const heard: TaskAddOutcome[] = [];
    const log = new OutcomeLog((outcome) => heard.push(outcome), false);
    const value = [entry("a", 1)];
    const answer = log.keepAnswer(encode({ value }));
    expect(answer).toBe(-1);
    log.recordAdded("a", 1, value[0]!, answer, 0);
    log.recordReconciled("b", 2);
    const error = new BatchError({ kind: "service", code: "TaskExists", message: "exists" });
    log.recordNotAdded("c", "failed", 1, error);
    expect(log.counts).toMatchObject({ added: 2, failed: 1 });
    expect(log.toArray()).toEqual([
      { taskId: "c", status: "failed", attempts: 1, reconciled: false, error },
    ]);
    // the listener still hears every outcome, the added ones with their details
    expect(heard.map((o) => [o.taskId, o.status, o.eTag])).toEqual([
      ["a", "added", "0x1"],
      ["b", "added", undefined],
      ["c", "failed", undefined],
    ]);
  });
});
