// A mark a fetch implementation can carry to say that it removes every listener it adds to a
// request's AbortSignal as soon as that request settles. The pipeline otherwise hands each
// attempt a child signal of its own (an AbortController and two listeners per attempt), because
// some implementations keep their listeners until the request is garbage collected, and a
// signal shared by thousands of calls (addMany's) would pile them up. Registered with Symbol.for,
// so the mark is recognised across copies of the package.

export const releasesSignal: unique symbol = Symbol.for("@batch/client:releases-signal") as never;

/** Whether `fetchImpl` carries the mark. */
export function releasesSignalListeners(fetchImpl: object): boolean {
  return (fetchImpl as { [releasesSignal]?: unknown })[releasesSignal] === true;
}
