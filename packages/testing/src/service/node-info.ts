// The made-up compute nodes tasks run on: stable ids per node number, and the nodeInfo block
// (pool, node, affinity and task directory) the service reports once a task has started.

import type { ComputeNodeInformation } from "@batch/types";

export function nodeId(node: number): string {
  return `tvm-1000000000_${node + 1}-20250601t000000z`;
}

export function buildNodeInfo(
  baseUrl: string,
  poolId: string,
  node: number,
  jobId: string,
  taskId: string,
  subtaskId?: number,
): ComputeNodeInformation {
  const id = nodeId(node);
  const nodeUrl = `${baseUrl}/pools/${encodeURIComponent(poolId)}/nodes/${id}`;
  const directory = `workitems/${jobId}/job-1/${taskId}${subtaskId === undefined ? "" : `/${subtaskId}`}`;
  return {
    affinityId: `TVM:${id}`,
    nodeUrl,
    poolId,
    nodeId: id,
    taskRootDirectory: directory,
    taskRootDirectoryUrl: `${nodeUrl}/files/${directory}`,
  };
}
