// The tasks of `task add-collection --json-file`: a JSON array, an object `{"value": [...]}`,
// or NDJSON (one task per line), from a file or standard input. NDJSON is read line by line
// as the upload consumes it, so any number of tasks passes through in constant memory; a JSON
// document has to be parsed whole.
//
// Nothing is dropped silently: an entry that cannot be sent (a line that is not JSON, an entry
// that is not an object, a missing or repeated id) is set aside with its position and reason,
// and the caller reports it with the service's results. The source also keeps where each task
// it handed out sits in the input, how far it has read, and (for a document held whole) which
// entries it never handed out, so that a run stopped early can account for every task read
// and say where reading stopped.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import type { TaskAddParameter } from "@batch/types";
import {
  invalidJsonFile,
  openInputLabel,
  parseJsonInput,
  unreadableInput,
  withoutBom,
} from "./read-input-text.js";

export interface RejectedEntry {
  /** 1-based line (NDJSON) or array position (JSON). */
  position: number;
  positionKind: "line" | "item";
  taskId?: string;
  code: string;
  message: string;
}

/** An entry of the input that was read but never handed out (a run stopped first). */
export interface UnsentEntry {
  position: number;
  positionKind: "line" | "item";
  taskId?: string;
}

export interface TaskSource {
  /** How many entries the input holds, when known before reading it all (not for NDJSON on stdin). */
  total: number | undefined;
  /** The valid tasks, in input order. */
  tasks: AsyncIterable<TaskAddParameter>;
  /** Entries set aside; complete once `tasks` has been iterated to the end. */
  rejected: RejectedEntry[];
  /** Where each task handed out sits in the input (its line or item number), by id. */
  positions: ReadonlyMap<string, number>;
  positionKind: "line" | "item";
  /** Entries read so far: tasks handed out and entries set aside (blank lines aside). */
  readonly entriesRead: number;
  /** The last line read (NDJSON): where reading stopped. */
  readonly lastLine: number;
  /** Whether the whole input has been read. */
  readonly finished: boolean;
  /**
   * The entries of a document held whole (a JSON array) that were never handed out; an
   * NDJSON input has none, as what was not handed out was not read either.
   */
  notHandedOut(): UnsentEntry[];
}

/** What a source knows about its own progress through the input. */
class ReadProgress {
  readonly positions = new Map<string, number>();
  entriesRead = 0;
  lastLine = 0;
  finished = false;
}

// node:readline is imported on first use, keeping it off the start-up path of other commands.
// A read error (an I/O error halfway through) becomes the InvalidJsonFile error naming the file;
// a byte order mark before the first line is dropped.
async function linesOf(stream: Readable, file: string): Promise<AsyncIterator<string>> {
  const { createInterface } = await import("node:readline");
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })[
    Symbol.asyncIterator
  ]();
  let firstLine = true;
  return {
    async next() {
      try {
        const next = await lines.next();
        if (firstLine && !next.done) {
          firstLine = false;
          return { done: false, value: withoutBom(next.value) };
        }
        return next;
      } catch (error) {
        throw unreadableInput(file, error);
      }
    },
  };
}

async function countLines(file: string): Promise<number> {
  let count = 0;
  const lines = await linesOf(createReadStream(file), file);
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    if (next.value.trim() !== "") count++;
  }
  return count;
}

function isCollectionWrapper(value: unknown): value is { value: unknown[] } {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Array.isArray((value as { value?: unknown }).value)
  );
}

/** Checks one entry; returns the task to send, or records why it cannot be sent. */
function admit(
  entry: unknown,
  position: number,
  positionKind: RejectedEntry["positionKind"],
  seen: Set<string>,
  rejected: RejectedEntry[],
): TaskAddParameter | undefined {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    rejected.push({
      position,
      positionKind,
      code: "InvalidInput",
      message: "the entry is not a JSON object",
    });
    return undefined;
  }
  const id = (entry as { id?: unknown }).id;
  if (typeof id !== "string" || id === "") {
    rejected.push({
      position,
      positionKind,
      code: "MissingRequiredProperty",
      message: 'the task has no "id"',
    });
    return undefined;
  }
  // Task ids are unique within a job without regard to case.
  const key = id.toLowerCase();
  if (seen.has(key)) {
    rejected.push({
      position,
      positionKind,
      taskId: id,
      code: "DuplicateTaskId",
      message: `task id "${id}" appears more than once in the input`,
    });
    return undefined;
  }
  seen.add(key);
  return entry as TaskAddParameter;
}

function fromArray(entries: unknown[]): TaskSource {
  const rejected: RejectedEntry[] = [];
  const progress = new ReadProgress();
  async function* tasks(): AsyncGenerator<TaskAddParameter> {
    const seen = new Set<string>();
    for (const [index, entry] of entries.entries()) {
      progress.entriesRead = index + 1;
      const task = admit(entry, index + 1, "item", seen, rejected);
      if (task === undefined) continue;
      progress.positions.set(task.id, index + 1);
      yield task;
    }
    progress.finished = true;
  }
  return {
    total: entries.length,
    tasks: tasks(),
    rejected,
    positions: progress.positions,
    positionKind: "item",
    get entriesRead() {
      return progress.entriesRead;
    },
    lastLine: 0,
    get finished() {
      return progress.finished;
    },
    notHandedOut() {
      return entries.slice(progress.entriesRead).map((entry, offset) => {
        const id = (entry as { id?: unknown } | null)?.id;
        return {
          position: progress.entriesRead + offset + 1,
          positionKind: "item" as const,
          ...(typeof id === "string" ? { taskId: id } : {}),
        };
      });
    },
  };
}

function noTasks(file: string) {
  return invalidJsonFile(`no tasks in ${openInputLabel(file)}`);
}

function parseDocument(text: string, file: string): TaskSource {
  const value = parseJsonInput(text, file);
  const entries = Array.isArray(value) ? value : isCollectionWrapper(value) ? value.value : [];
  if (Array.isArray(value) || isCollectionWrapper(value)) {
    // An empty list is more likely a generator's mistake than a request to add nothing.
    if (entries.length === 0) throw noTasks(file);
    return fromArray(entries);
  }
  throw invalidJsonFile(
    `${openInputLabel(file)} must hold a JSON array of tasks, {"value": [...]}, or one task per line (NDJSON)`,
  );
}

export async function openTaskSource(file: string, stdin: Readable): Promise<TaskSource> {
  if (file !== "-") {
    // Checked before reading: a folder opens fine and only fails on the first read.
    let isFolder: boolean;
    try {
      isFolder = (await stat(file)).isDirectory();
    } catch (error) {
      throw unreadableInput(file, error);
    }
    if (isFolder) throw unreadableInput(file, Object.assign(new Error(file), { code: "EISDIR" }));
  }
  const lines = await linesOf(file === "-" ? stdin : createReadStream(file), file);

  // The first non-blank line tells the formats apart: NDJSON's first line is a whole task.
  let lineNumber = 0;
  let first: string | undefined;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    lineNumber++;
    if (next.value.trim() !== "") {
      first = next.value;
      break;
    }
  }
  if (first === undefined) throw noTasks(file);

  let firstValue: unknown;
  let firstIsObject = false;
  if (!first.trimStart().startsWith("[")) {
    try {
      firstValue = JSON.parse(first);
      firstIsObject =
        typeof firstValue === "object" && firstValue !== null && !Array.isArray(firstValue);
    } catch {
      firstIsObject = false;
    }
  }

  if (!firstIsObject || isCollectionWrapper(firstValue)) {
    let text = first;
    for (let next = await lines.next(); !next.done; next = await lines.next())
      text += `\n${next.value}`;
    return parseDocument(text, file);
  }

  const rejected: RejectedEntry[] = [];
  const firstLine = lineNumber;
  const progress = new ReadProgress();
  const handOut = (task: TaskAddParameter | undefined, line: number) => {
    if (task !== undefined) progress.positions.set(task.id, line);
    return task;
  };
  async function* tasks(): AsyncGenerator<TaskAddParameter> {
    const seen = new Set<string>();
    progress.entriesRead = 1;
    progress.lastLine = firstLine;
    const firstTask = handOut(admit(firstValue, firstLine, "line", seen, rejected), firstLine);
    if (firstTask !== undefined) yield firstTask;
    let current = firstLine;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      current++;
      progress.lastLine = current;
      if (next.value.trim() === "") continue;
      progress.entriesRead++;
      let entry: unknown;
      try {
        entry = JSON.parse(next.value);
      } catch (error) {
        rejected.push({
          position: current,
          positionKind: "line",
          code: "InvalidJson",
          message: `not valid JSON: ${(error as Error).message}`,
        });
        continue;
      }
      const task = handOut(admit(entry, current, "line", seen, rejected), current);
      if (task !== undefined) yield task;
    }
    progress.finished = true;
  }
  const total = file === "-" ? undefined : await countLines(file);
  return {
    total,
    tasks: tasks(),
    rejected,
    positions: progress.positions,
    positionKind: "line",
    get entriesRead() {
      return progress.entriesRead;
    },
    get lastLine() {
      return progress.lastLine;
    },
    get finished() {
      return progress.finished;
    },
    notHandedOut: () => [],
  };
}
