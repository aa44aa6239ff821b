// Exact distinct counting of order ids with memory that grows with the number
// of distinct ids, not rows. Ids of the usual shape (an optional prefix and up
// to 15 digits without a leading zero, e.g. 10423 or TM-10423) go into
// open-addressing Float64Array tables, one per prefix; any other id is kept as
// a string. The two forms never describe the same id, so the count is exact.

const EMPTY = 0;

/**
 * A set of non-negative integers below 2^53: an open-addressing map from blocks of 64 consecutive
 * values to a 64-bit mask. Order ids mostly rise through the day, so the lines of one group hit
 * the same block again and again: the last block is remembered, and most adds are one bit test
 * in a cache line already loaded. Sparse ids cost one entry each (16 bytes at most twice over).
 */
export class NumberSet {
  /** Block number + 1 per slot; 0 marks an empty slot. */
  #keys = new Float64Array(1024);
  /** Two 32-bit halves of each slot's mask. */
  #masks = new Int32Array(2048);
  #mask = 1023;
  #entries = 0;
  #lastBlock = -1;
  #lastSlot = 0;
  size = 0;

  add(value: number): void {
    const block = value < 2147483648 ? value >> 6 : Math.floor(value / 64);
    const slot = block === this.#lastBlock ? this.#lastSlot : this.#slotOf(block);
    const word = (slot << 1) | ((value & 63) >>> 5);
    const bit = 1 << (value & 31);
    const masks = this.#masks;
    const current = masks[word]!;
    if ((current & bit) === 0) {
      masks[word] = current | bit;
      this.size++;
    }
  }

  /** The slot of `block`, claimed if it is new. */
  #slotOf(block: number): number {
    const stored = block + 1;
    const keys = this.#keys;
    let slot = hashNumber(stored) & this.#mask;
    for (;;) {
      const current = keys[slot]!;
      if (current === stored) break;
      if (current === EMPTY) {
        keys[slot] = stored;
        if (++this.#entries * 2 > keys.length) {
          this.#grow();
          return this.#slotOf(block);
        }
        break;
      }
      slot = (slot + 1) & this.#mask;
    }
    this.#lastBlock = block;
    this.#lastSlot = slot;
    return slot;
  }

  #grow(): void {
    const oldKeys = this.#keys;
    const oldMasks = this.#masks;
    const keys = new Float64Array(oldKeys.length * 2);
    const masks = new Int32Array(keys.length * 2);
    const mask = keys.length - 1;
    for (let k = 0; k < oldKeys.length; k++) {
      const stored = oldKeys[k]!;
      if (stored === EMPTY) continue;
      let slot = hashNumber(stored) & mask;
      while (keys[slot] !== EMPTY) slot = (slot + 1) & mask;
      keys[slot] = stored;
      masks[slot << 1] = oldMasks[k << 1]!;
      masks[(slot << 1) | 1] = oldMasks[(k << 1) | 1]!;
    }
    this.#keys = keys;
    this.#masks = masks;
    this.#mask = mask;
    this.#lastBlock = -1;
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
