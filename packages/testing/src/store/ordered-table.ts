// Records kept two ways at once: by lower-cased id (ids are unique ignoring case, their case
// is kept) and in insertion order by sequence number, so a list can resume after the last
// sequence number it returned with a binary search instead of a rescan. A removed record
// stays in the ordered array, its sequence number in the `removed` set, until removed ones
// make up half of it; the records themselves are never marked.

export interface Sequenced {
  readonly seq: number;
  readonly id: string;
}

const MIN_COMPACTION = 1024;

export class OrderedTable<R extends Sequenced> {
  private readonly byKey = new Map<string, R>();
  private ordered: R[] = [];
  private readonly removed = new Set<number>();

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

  /** Puts a changed copy of a stored record in its place (same id and sequence number). */
  replace(record: R): boolean {
    const key = record.id.toLowerCase();
    const current = this.byKey.get(key);
    if (current === undefined || current.seq !== record.seq) return false;
    if (current !== record) {
      this.byKey.set(key, record);
      this.ordered[this.indexOf(record.seq)] = record;
    }
    return true;
  }

  remove(id: string): R | undefined {
    const key = id.toLowerCase();
    const record = this.byKey.get(key);
    if (record === undefined) return undefined;
    this.byKey.delete(key);
    this.removed.add(record.seq);
    if (this.removed.size >= MIN_COMPACTION && this.removed.size * 2 >= this.ordered.length) {
      this.ordered = this.ordered.filter((r) => !this.removed.has(r.seq));
      this.removed.clear();
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
      if (this.removed.size > 0 && this.removed.has(record.seq)) continue;
      lastSeq = record.seq;
      yield record;
    }
  }

  values(): IterableIterator<R> {
    return this.byKey.values();
  }

  /** The slot of a stored sequence number. */
  private indexOf(seq: number): number {
    return this.firstIndexAfter(seq - 1);
  }

  private firstIndexAfter(seq: number): number {
    const ordered = this.ordered;
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ordered[mid]!.seq <= seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
