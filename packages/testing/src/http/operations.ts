// Each operation's translation between HTTP and the service: which parsed inputs go into the
// service call, and which status, headers and body its result becomes. No rules live here.

import type { OperationId } from "@batch/types";
import type { BatchService } from "../service/batch-service.js";
import type { ListResult } from "../service/operation-types.js";
import { buildNextLink } from "./next-link.js";
import type { OperationCall } from "./operation-middleware.js";
import { booleanParameter, integerParameter } from "./query-options.js";
import type { RequestContext } from "./request-context.js";
import {
  baseHeaders,
  emptyResponse,
  jsonResponse,
  METADATA,
  versionHeaders,
  writeHeaders,
} from "./responses.js";

type OperationRunner = (
  service: BatchService,
  call: OperationCall,
  ctx: RequestContext,
) => Response;

function ids(call: OperationCall): { jobId: string; taskId: string } {
  return { jobId: call.params.jobId ?? "", taskId: call.params.taskId ?? "" };
}

function listOptions(ctx: RequestContext) {
  return {
    baseUrl: ctx.origin,
    filter: ctx.query.get("$filter"),
    select: ctx.query.get("$select"),
    expand: ctx.query.get("$expand"),
    maxResults: integerParameter(ctx, "maxresults"),
    skipToken: ctx.query.get("$skiptoken"),
  };
}

function getOptions(call: OperationCall, ctx: RequestContext) {
  return {
    baseUrl: ctx.origin,
    select: ctx.query.get("$select"),
    expand: ctx.query.get("$expand"),
    conditions: call.conditions,
  };
}

function writeOptions(call: OperationCall, ctx: RequestContext) {
  return { baseUrl: ctx.origin, conditions: call.conditions };
}

function listResponse(ctx: RequestContext, metadata: string, page: ListResult<unknown>): Response {
  const body = {
    value: page.value,
    ...(page.continuationToken !== undefined && {
      "odata.nextLink": buildNextLink(ctx, page.continuationToken),
    }),
  };
  return jsonResponse(ctx, 200, metadata, body, versionHeaders(baseHeaders(ctx), page));
}

export const OPERATIONS: Record<OperationId, OperationRunner> = {
  Job_Add(service, call, ctx) {
    const result = service.addJob(call.body, { baseUrl: ctx.origin });
    return emptyResponse(201, writeHeaders(baseHeaders(ctx), result));
  },
  Job_List(service, _call, ctx) {
    return listResponse(ctx, METADATA.jobs, service.listJobs(listOptions(ctx)));
  },
  Job_Get(service, call, ctx) {
    const result = service.getJob(ids(call).jobId, getOptions(call, ctx));
    return jsonResponse(
      ctx,
      200,
      METADATA.job,
      result.body,
      writeHeaders(baseHeaders(ctx), result, false),
    );
  },
  Job_Delete(service, call, ctx) {
    booleanParameter(ctx, "force");
    service.deleteJob(ids(call).jobId, writeOptions(call, ctx));
    return emptyResponse(202, baseHeaders(ctx));
  },
  Job_Terminate(service, call, ctx) {
    booleanParameter(ctx, "force");
    const result = service.terminateJob(ids(call).jobId, call.body, writeOptions(call, ctx));
    return emptyResponse(202, writeHeaders(baseHeaders(ctx), result));
  },
  Job_GetTaskCounts(service, call, ctx) {
    return jsonResponse(ctx, 200, METADATA.taskCounts, service.getTaskCounts(ids(call).jobId));
  },
  Task_Add(service, call, ctx) {
    const result = service.addTask(ids(call).jobId, call.body, { baseUrl: ctx.origin });
    return emptyResponse(201, writeHeaders(baseHeaders(ctx), result));
  },
  Task_AddCollection(service, call, ctx) {
    const result = service.addTaskCollection(ids(call).jobId, call.body, { baseUrl: ctx.origin });
    return jsonResponse(ctx, 200, METADATA.taskAddResult, result);
  },
  Task_List(service, call, ctx) {
    return listResponse(ctx, METADATA.tasks, service.listTasks(ids(call).jobId, listOptions(ctx)));
  },
  Task_Get(service, call, ctx) {
    const { jobId, taskId } = ids(call);
    const result = service.getTask(jobId, taskId, getOptions(call, ctx));
    return jsonResponse(
      ctx,
      200,
      METADATA.task,
      result.body,
      writeHeaders(baseHeaders(ctx), result),
    );
  },
  Task_ListSubtasks(service, call, ctx) {
    const { jobId, taskId } = ids(call);
    const result = service.listSubtasks(jobId, taskId, {
      baseUrl: ctx.origin,
      select: ctx.query.get("$select"),
    });
    return listResponse(ctx, METADATA.subtasks, result);
  },
  Task_Update(service, call, ctx) {
    const { jobId, taskId } = ids(call);
    const result = service.updateTask(jobId, taskId, call.body, writeOptions(call, ctx));
    return emptyResponse(200, writeHeaders(baseHeaders(ctx), result));
  },
  Task_Delete(service, call, ctx) {
    const { jobId, taskId } = ids(call);
    service.deleteTask(jobId, taskId, writeOptions(call, ctx));
    return emptyResponse(200, baseHeaders(ctx));
  },
  Task_Terminate(service, call, ctx) {
    const { jobId, taskId } = ids(call);
    const result = service.terminateTask(jobId, taskId, writeOptions(call, ctx));
    return emptyResponse(204, writeHeaders(baseHeaders(ctx), result));
  },
  Task_Reactivate(service, call, ctx) {
    const { jobId, taskId } = ids(call);
    const result = service.reactivateTask(jobId, taskId, writeOptions(call, ctx));
    return emptyResponse(204, writeHeaders(baseHeaders(ctx), result));
  },
};
