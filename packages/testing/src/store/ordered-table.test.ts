import { describe, expect, it } from "vitest";
import { OrderedTable, type Sequenced } from "./ordered-table.js";

class Item implements Sequenced {
  constructor(
    readonly seq: number,
    readonly id: string,
  ) {}
}

/** An item that counts how often the table looks at it. */
class CountingItem implements Sequenced {
  static reads = 0;
  constructor(
    private readonly sequence: number,
    readonly id: string,
  ) {}
  get seq(): number {
    CountingItem.reads += 1;
    return this.sequence;
  }
}

function fill(count: number): OrderedTable<Item> {
  const table = new OrderedTable<Item>();
  for (let i = 1; i <= count; i++) table.insert(new Item(i, `Task-${i}`));
  return table;
}

describe("OrderedTable", () => {
  it("finds records ignoring case and keeps the case given", () => {
    const table = new OrderedTable<Item>();
    expect(table.insert(new Item(1, "MyTask"))).toBe(true);
    expect(table.get("mytask")?.id).toBe("MyTask");
    expect(table.get("MYTASK")?.id).toBe("MyTask");
    expect(table.insert(new Item(2, "mytask"))).toBe(false);
    expect(table.size).toBe(1);
  });

  it("refuses records out of sequence order", () => {
    const table = fill(3);
    expect(() => table.insert(new Item(2, "late"))).toThrow(/increasing sequence/);
  });

  it("lists records after a sequence number in insertion order", () => {
    const table = fill(10);
    expect([...table.after(0)].map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([...table.after(7)].map((r) => r.seq)).toEqual([8, 9, 10]);
    expect([...table.after(10)]).toEqual([]);
  });

  it("skips removed records and resumes after a removed one", () => {
    const table = fill(6);
    table.remove("task-3");
    table.remove("TASK-4");
    expect([...table.after(0)].map((r) => r.seq)).toEqual([1, 2, 5, 6]);
    expect([...table.after(3)].map((r) => r.seq)).toEqual([5, 6]);
    expect(table.get("task-3")).toBeUndefined();
    expect(table.size).toBe(4);
  });

  it("replaces a record with a copy in its place, and only the record it holds", () => {
    const table = fill(3);
    const copy = new Item(2, "TASK-2");
    expect(table.replace(copy)).toBe(true);
    expect(table.get("task-2")).toBe(copy);
    expect([...table.after(1)][0]).toBe(copy);
    expect(table.replace(new Item(9, "task-2"))).toBe(false);
    expect(table.replace(new Item(4, "task-4"))).toBe(false);
  });

  it("finds its place among many removed records", () => {
    const table = fill(3000);
    for (let i = 2; i <= 2999; i += 2) table.remove(`task-${i}`);
    for (let i = 1001; i <= 1999; i++) table.remove(`task-${i}`);
    expect([...table.after(999)].slice(0, 3).map((r) => r.seq)).toEqual([2001, 2003, 2005]);
    expect([...table.after(2998)].map((r) => r.seq)).toEqual([2999, 3000]);
  });

  it("shows records added while iterating later, once", () => {
    const table = fill(3);
    const seen: number[] = [];
    let next = 4;
    for (const record of table.after(0)) {
      seen.push(record.seq);
      if (next <= 5) {
        table.insert(new Item(next, `Task-${next}`));
        next += 1;
      }
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps its place when a compaction happens during iteration", () => {
    const table = fill(4000);
    const seen: number[] = [];
    for (const record of table.after(0)) {
      seen.push(record.seq);
      if (record.seq === 10) {
        // Removing 3000 records triggers a compaction of the ordered array mid-iteration.
        for (let i = 11; i <= 3010; i++) table.remove(`task-${i}`);
      }
    }
    expect(seen.length).toBe(1000);
    expect(seen.slice(0, 11)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 3011]);
    expect(seen.at(-1)).toBe(4000);
  });

  it("seeks to a sequence number without visiting the records before it", () => {
    const table = new OrderedTable<CountingItem>();
    for (let i = 1; i <= 100_000; i++) table.insert(new CountingItem(i, `t${i}`));
    CountingItem.reads = 0;
    const page = [];
    for (const record of table.after(99_000)) {
      page.push(record);
      if (page.length === 10) break;
    }
    expect(page[0]?.seq).toBe(99_001);
    // A binary search and the ten records returned, not the 99,000 records before them.
    expect(CountingItem.reads).toBeLessThan(100);
  });
});
