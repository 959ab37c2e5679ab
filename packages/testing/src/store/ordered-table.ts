// Records kept two ways at once: by lower-cased id (ids are unique ignoring case, their case
// is kept) and in insertion order by sequence number, so a list can resume after the last
// sequence number it returned with a binary search instead of a rescan. Removed records stay
// in the ordered array as tombstones until they make up half of it.

export interface Sequenced {
  readonly seq: number;
  readonly id: string;
  removed: boolean;
}

const MIN_COMPACTION = 1024;

export class OrderedTable<R extends Sequenced> {
  private readonly byKey = new Map<string, R>();
  private ordered: R[] = [];
  private tombstones = 0;

  get size(): number {
    return this.byKey.size;
  }

  get(id: string): R | undefined {
    return this.byKey.get(id.toLowerCase());
  }

  /** Adds a record whose seq is higher than any before; false when the id is taken. */
  insert(record: R): boolean {
    const key = record.id.toLowerCase();
    if (this.byKey.has(key)) return false;
    const last = this.ordered[this.ordered.length - 1];
    if (last !== undefined && last.seq >= record.seq) {
      throw new Error("records must be inserted in increasing sequence order");
    }
    this.byKey.set(key, record);
    this.ordered.push(record);
    return true;
  }

  remove(id: string): R | undefined {
    const key = id.toLowerCase();
    const record = this.byKey.get(key);
    if (record === undefined) return undefined;
    this.byKey.delete(key);
    record.removed = true;
    this.tombstones += 1;
    if (this.tombstones >= MIN_COMPACTION && this.tombstones * 2 >= this.ordered.length) {
      this.ordered = this.ordered.filter((r) => !r.removed);
      this.tombstones = 0;
    }
    return record;
  }

  /** Live records with a sequence number above `afterSeq`, in insertion order. */
  *after(afterSeq: number): IterableIterator<R> {
    let index = this.firstIndexAfter(afterSeq);
    // Re-find our place if a compaction swapped the array while the caller was iterating.
    let array = this.ordered;
    let lastSeq = afterSeq;
    while (true) {
      if (array !== this.ordered) {
        array = this.ordered;
        index = this.firstIndexAfter(lastSeq);
      }
      const record = array[index];
      if (record === undefined) return;
      index += 1;
      if (record.removed) continue;
      lastSeq = record.seq;
      yield record;
    }
  }

  values(): IterableIterator<R> {
    return this.byKey.values();
  }

  private firstIndexAfter(seq: number): number {
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ordered[mid]!.seq <= seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
