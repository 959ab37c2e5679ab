// What a write with no response body (update, terminate, reactivate, delete ...) prints: the
// response headers that identify the change, and whether the client reconciled a retry.
export interface WriteResultLike {
  reconciled?: boolean;
  meta: {
    requestId?: string | undefined;
    clientRequestId?: string | undefined;
    eTag?: string | undefined;
    lastModified?: string | undefined;
    dataServiceId?: string | undefined;
  };
}

export function describeWrite(
  identity: Record<string, unknown>,
  result: WriteResultLike,
): Record<string, unknown> {
  const { meta } = result;
  return Object.fromEntries(
    Object.entries({
      ...identity,
      eTag: meta.eTag,
      lastModified: meta.lastModified,
      dataServiceId: meta.dataServiceId,
      requestId: meta.requestId,
      clientRequestId: meta.clientRequestId,
      ...(result.reconciled ? { reconciled: true } : {}),
    }).filter(([, value]) => value !== undefined),
  );
}
