// The fields of @batch/client's BatchError that error reporting reads. Checked by shape, the
// way the client's own isBatchError does, so reporting an error never has to load the client.
export interface BatchErrorShape {
  name: "BatchError";
  message: string;
  status?: number | undefined;
  code?: string | undefined;
  kind?: "service" | "network" | "timeout" | "aborted" | "client" | undefined;
  requestId?: string | undefined;
  clientRequestId?: string | undefined;
  operation?: string | undefined;
  values?: ReadonlyArray<{ key?: string | undefined; value?: string | undefined }> | undefined;
}

export function isBatchErrorShape(value: unknown): value is BatchErrorShape {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { name?: unknown }).name === "BatchError" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}
