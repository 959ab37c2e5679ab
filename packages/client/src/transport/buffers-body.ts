// A mark a fetch implementation can carry to say that its responses hold the whole body in
// memory by the time the promise resolves, so the body was read under the request's signal.
// The pipeline reads every other transport's body itself, inside the attempt (see
// middleware/transport.ts). Registered with Symbol.for, so the mark is recognised across copies
// of the package.

export const buffersBody: unique symbol = Symbol.for("@batch/client:buffers-body") as never;

/** Whether `fetchImpl` carries the mark. */
export function buffersBodies(fetchImpl: object): boolean {
  return (fetchImpl as { [buffersBody]?: unknown })[buffersBody] === true;
}
