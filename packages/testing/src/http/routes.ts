// The 15 operations of the emulator: method, path shape, body and conditional-header support.
// Paths are matched on the raw (still percent-encoded) path, segment by segment, so an id
// containing an encoded '/' stays one segment; ids are decoded after matching.

import type { OperationId } from "@batch/types";
import { requestUrlFailedToParse } from "../service/error-catalog.js";

export type BodyKind = "required" | "optional" | "none";

export interface Route {
  operation: OperationId;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Literal segments, and `{jobId}` / `{taskId}` placeholders. */
  segments: readonly string[];
  body: BodyKind;
  /**
   * Whether the operation takes If-Match and friends (the service definition lists them for
   * get, update, delete, terminate and reactivate). The handlers read them only then; other
   * operations ignore them, as the service does with headers an operation does not take.
   */
  conditional: boolean;
}

export interface RouteParams {
  jobId?: string;
  taskId?: string;
}

const route = (
  operation: OperationId,
  method: Route["method"],
  path: string,
  body: BodyKind,
  conditional: boolean,
): Route => ({ operation, method, segments: path.split("/").filter(Boolean), body, conditional });

export const ROUTES: readonly Route[] = [
  route("Job_Add", "POST", "jobs", "required", false),
  route("Job_List", "GET", "jobs", "none", false),
  route("Job_Get", "GET", "jobs/{jobId}", "none", true),
  route("Job_Delete", "DELETE", "jobs/{jobId}", "none", true),
  route("Job_Terminate", "POST", "jobs/{jobId}/terminate", "optional", true),
  route("Job_GetTaskCounts", "GET", "jobs/{jobId}/taskcounts", "none", false),
  route("Task_Add", "POST", "jobs/{jobId}/tasks", "required", false),
  route("Task_List", "GET", "jobs/{jobId}/tasks", "none", false),
  route("Task_AddCollection", "POST", "jobs/{jobId}/addtaskcollection", "required", false),
  route("Task_Get", "GET", "jobs/{jobId}/tasks/{taskId}", "none", true),
  route("Task_Update", "PUT", "jobs/{jobId}/tasks/{taskId}", "optional", true),
  route("Task_Delete", "DELETE", "jobs/{jobId}/tasks/{taskId}", "none", true),
  route("Task_ListSubtasks", "GET", "jobs/{jobId}/tasks/{taskId}/subtasksinfo", "none", false),
  route("Task_Terminate", "POST", "jobs/{jobId}/tasks/{taskId}/terminate", "none", true),
  route("Task_Reactivate", "POST", "jobs/{jobId}/tasks/{taskId}/reactivate", "none", true),
];

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw requestUrlFailedToParse(segment);
  }
}

/** The params of a raw path for this route's shape, or undefined when the shape differs. */
export function matchPath(route: Route, rawPath: string): RouteParams | undefined {
  const parts = rawPath.replace(/\/+$/, "").split("/").slice(1);
  if (parts.length !== route.segments.length) return undefined;
  const params: RouteParams = {};
  for (let i = 0; i < parts.length; i++) {
    const expected = route.segments[i]!;
    const actual = parts[i]!;
    if (expected === "{jobId}" || expected === "{taskId}") {
      if (actual === "") return undefined;
      params[expected === "{jobId}" ? "jobId" : "taskId"] = decodeSegment(actual);
    } else if (expected.toLowerCase() !== actual.toLowerCase()) {
      return undefined;
    }
  }
  return params;
}

/** Whether any operation has this path shape (to tell 405 from 404). */
export function isKnownPath(rawPath: string): boolean {
  return ROUTES.some((candidate) => {
    try {
      return matchPath(candidate, rawPath) !== undefined;
    } catch {
      return true;
    }
  });
}
