// The progress guarantee: real clients retry 5xx and `servererror` results without limit, so
// nothing may be faulted forever. This counts, per key (a logical request, or a task id),
// how many times in a row it was faulted; at the limit the next attempt must go through.

export class ConsecutiveFaults {
  readonly #max: number;
  // Only keys with a fault streak are kept; a key that goes through is forgotten.
  readonly #streaks = new Map<string, number>();

  constructor(max: number) {
    this.#max = max;
  }

  /** Whether no streak is being tracked (so there is nothing to reset). */
  get idle(): boolean {
    return this.#streaks.size === 0;
  }

  /** Whether a fault is allowed for something known by all these keys. */
  allows(keys: readonly string[]): boolean {
    return keys.every((key) => (this.#streaks.get(key) ?? 0) < this.#max);
  }

  faulted(keys: readonly string[]): void {
    for (const key of keys) this.#streaks.set(key, (this.#streaks.get(key) ?? 0) + 1);
  }

  wentThrough(keys: readonly string[]): void {
    for (const key of keys) this.#streaks.delete(key);
  }
}
