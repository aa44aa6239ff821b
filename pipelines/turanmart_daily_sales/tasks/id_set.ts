// Exact distinct counting of order ids with memory that grows with the number
// of distinct ids, not rows. Ids of the usual shape (an optional prefix and up
// to 15 digits without a leading zero, e.g. 10423 or TM-10423) go into
// open-addressing Float64Array tables, one per prefix; any other id is kept as
// a string. The two forms never describe the same id, so the count is exact.

const EMPTY = 0;

/** A set of non-negative integers below 2^53, stored as value + 1 so that 0 marks an empty slot. */
export class NumberSet {
  #table = new Float64Array(1024);
  #mask = 1023;
  size = 0;

  add(value: number): void {
    const stored = value + 1;
    let slot = hashNumber(stored) & this.#mask;
    const table = this.#table;
    for (;;) {
      const current = table[slot]!;
      if (current === stored) return;
      if (current === EMPTY) break;
      slot = (slot + 1) & this.#mask;
    }
    table[slot] = stored;
    if (++this.size * 2 > table.length) this.#grow();
  }

  #grow(): void {
    const old = this.#table;
    const table = new Float64Array(old.length * 2);
    const mask = table.length - 1;
    for (let k = 0; k < old.length; k++) {
      const stored = old[k]!;
      if (stored === EMPTY) continue;
      let slot = hashNumber(stored) & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = stored;
    }
    this.#table = table;
    this.#mask = mask;
  }
}

function hashNumber(value: number): number {
  const lo = value >>> 0;
  const hi = (value / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 16;
  return h;
}

/** The distinct order ids of one group. */
export class IdSet {
  /** Ids without a prefix: the common case, kept out of the map. */
  readonly plain = new NumberSet();
  readonly #prefixed = new Map<string, NumberSet>();
  #others: Set<string> | undefined;

  /** The numeric table for ids starting with `prefix` (non-empty). */
  forPrefix(prefix: string): NumberSet {
    let set = this.#prefixed.get(prefix);
    if (set === undefined) {
      set = new NumberSet();
      this.#prefixed.set(prefix, set);
    }
    return set;
  }

  addOther(id: string): void {
    this.#others ??= new Set();
    this.#others.add(id);
  }

  get size(): number {
    let n = this.plain.size + (this.#others?.size ?? 0);
    for (const set of this.#prefixed.values()) n += set.size;
    return n;
  }
}
