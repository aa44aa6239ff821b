// Exact distinct counting of order ids with memory that grows with the number
// of distinct ids, not rows. Ids of the usual shape (an optional prefix and up
// to 15 digits, e.g. 10423, TM-10423 or TM-000010423) go into open-addressing
// tables of numbers, one per prefix, and one per (prefix, width) when the
// digits start with a zero; any other id goes into a byte hash set. An id
// lands in exactly one table, chosen by its own bytes, so the count is exact.

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

/**
 * A set of byte strings in one arena: open addressing over 32-bit hashes, each slot pointing at
 * its bytes. About the id's length plus 16 bytes per entry, where a JS string costs 30 or more.
 */
export class ByteSet {
  #arena = new Uint8Array(1 << 12);
  #used = 0;
  /** Per slot: arena offset + 1 (0 marks an empty slot), the length, the hash. */
  #offsets = new Int32Array(256);
  #lengths = new Int32Array(256);
  #hashes = new Int32Array(256);
  #mask = 255;
  size = 0;

  /** Adds buf[start, end). */
  add(buf: Uint8Array, start: number, end: number): void {
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ buf[k]!, 0x01000193);
    const length = end - start;
    const arena = this.#arena;
    let slot = h & this.#mask;
    for (;;) {
      const offset = this.#offsets[slot]!;
      if (offset === 0) break;
      if (this.#hashes[slot] === h && this.#lengths[slot] === length) {
        let k = 0;
        const at = offset - 1;
        while (k < length && arena[at + k] === buf[start + k]) k++;
        if (k === length) return;
      }
      slot = (slot + 1) & this.#mask;
    }
    if (this.#used + length > arena.length) {
      const grown = new Uint8Array(Math.max(arena.length * 2, this.#used + length));
      grown.set(arena.subarray(0, this.#used));
      this.#arena = grown;
    }
    this.#arena.set(buf.subarray(start, end), this.#used);
    this.#offsets[slot] = this.#used + 1;
    this.#lengths[slot] = length;
    this.#hashes[slot] = h;
    this.#used += length;
    if (++this.size * 2 > this.#offsets.length) this.#grow();
  }

  #grow(): void {
    const size = this.#offsets.length * 2;
    const offsets = new Int32Array(size);
    const lengths = new Int32Array(size);
    const hashes = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < this.#offsets.length; k++) {
      const offset = this.#offsets[k]!;
      if (offset === 0) continue;
      let slot = this.#hashes[k]! & mask;
      while (offsets[slot] !== 0) slot = (slot + 1) & mask;
      offsets[slot] = offset;
      lengths[slot] = this.#lengths[k]!;
      hashes[slot] = this.#hashes[k]!;
    }
    this.#offsets = offsets;
    this.#lengths = lengths;
    this.#hashes = hashes;
    this.#mask = mask;
  }
}

/** The distinct order ids of one group. */
export class IdSet {
  /** Ids that are digits only, without a leading zero: the common case, kept out of the map. */
  readonly plain = new NumberSet();
  /** Keyed by the id's prefix, with "\u0000<width>" appended when its digits start with a zero. */
  readonly #keyed = new Map<string, NumberSet>();
  #others: ByteSet | undefined;

  /** The numeric table for ids of one shape (see `#keyed`); key is never empty. */
  forKey(key: string): NumberSet {
    let set = this.#keyed.get(key);
    if (set === undefined) {
      set = new NumberSet();
      this.#keyed.set(key, set);
    }
    return set;
  }

  /** Any other id, by its bytes. */
  addOther(buf: Uint8Array, start: number, end: number): void {
    this.#others ??= new ByteSet();
    this.#others.add(buf, start, end);
  }

  get size(): number {
    let n = this.plain.size + (this.#others?.size ?? 0);
    for (const set of this.#keyed.values()) n += set.size;
    return n;
  }
}
