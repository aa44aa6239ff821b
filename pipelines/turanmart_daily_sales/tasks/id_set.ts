// Exact distinct counting of order ids with memory that grows with the number
// of distinct ids, not rows. Ids of the usual shape (an optional prefix and up
// to 15 digits, e.g. 10423, TM-10423 or TM-000010423) go into open-addressing
// tables of numbers, one per prefix, and one per (prefix, width) when the
// digits start with a zero; any other id goes into a byte hash set. An id
// lands in exactly one table, chosen by its own bytes, so the count is exact.

const EMPTY = 0;

/**
 * A set of non-negative integers below 2^53, kept as 64-bit masks of blocks of 64 consecutive
 * values. Where the blocks in use lie close together (order ids of one day, rising or shuffled)
 * they live in a dense window: a flat array indexed by block, with no hashing and a quarter of
 * the memory. Blocks outside it go to an open-addressing table (sparse ids cost one entry each,
 * 16 bytes at most twice over); each time that table fills, its blocks join the window if the
 * window would stay at least a quarter full. Consecutive adds mostly hit one block: the last
 * table slot is remembered.
 */
export class NumberSet {
  /** Two 32-bit halves of the mask of each block in [#base, #base + #windowBlocks). */
  #window = new Int32Array(0);
  #base = 0;
  #windowBlocks = 0;
  /** Blocks of the window with any value, for the density rule. */
  #windowUsed = 0;
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
    const half = (value & 63) >>> 5;
    const bit = 1 << (value & 31);
    const at = block - this.#base;
    if (at >= 0 && at < this.#windowBlocks) {
      const window = this.#window;
      const word = (at << 1) | half;
      const current = window[word]!;
      if ((current & bit) === 0) {
        if (current === 0 && window[word ^ 1] === 0) this.#windowUsed++;
        window[word] = current | bit;
        this.size++;
      }
      return;
    }
    const slot = block === this.#lastBlock ? this.#lastSlot : this.#slotOf(block);
    if (slot < 0) {
      this.add(value); // the table's blocks, this one's included, just moved into the window
      return;
    }
    const word = (slot << 1) | half;
    const masks = this.#masks;
    const current = masks[word]!;
    if ((current & bit) === 0) {
      masks[word] = current | bit;
      this.size++;
    }
  }

  /** The table slot of `block`, claimed if it is new; -1 when claiming it moved the table into the window. */
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
          const at = block - this.#base;
          return at >= 0 && at < this.#windowBlocks ? -1 : this.#slotOf(block);
        }
        break;
      }
      slot = (slot + 1) & this.#mask;
    }
    this.#lastBlock = block;
    this.#lastSlot = slot;
    return slot;
  }

  /** Its masks as plain typed arrays: what a worker thread can post back (see IdSetData). */
  toData(): NumberSetData {
    return { window: this.#window, base: this.#base, keys: this.#keys, masks: this.#masks, size: this.size };
  }

  /** Adds every value of another set's data. */
  addAll(data: NumberSetData): void {
    const { window, base, keys, masks } = data;
    for (let k = 0; k < window.length; k += 2) {
      if (window[k] !== 0 || window[k + 1] !== 0) this.#addBlock(base + (k >> 1), window[k]!, window[k + 1]!);
    }
    for (let k = 0; k < keys.length; k++) {
      const stored = keys[k]!;
      if (stored !== EMPTY) this.#addBlock(stored - 1, masks[k << 1]!, masks[(k << 1) | 1]!);
    }
  }

  /** ORs one block's two mask halves into the set. */
  #addBlock(block: number, low: number, high: number): void {
    const at = block - this.#base;
    let masks = this.#window;
    let word = at << 1;
    if (!(at >= 0 && at < this.#windowBlocks)) {
      const slot = this.#slotOf(block);
      if (slot < 0) {
        this.#addBlock(block, low, high);
        return;
      }
      masks = this.#masks;
      word = slot << 1;
    } else if (masks[word] === 0 && masks[word | 1] === 0 && (low | high) !== 0) {
      this.#windowUsed++;
    }
    const addedLow = low & ~masks[word]!;
    const addedHigh = high & ~masks[word | 1]!;
    masks[word] = masks[word]! | addedLow;
    masks[word | 1] = masks[word | 1]! | addedHigh;
    this.size += bitCount(addedLow) + bitCount(addedHigh);
  }

  /** The table is half full: its blocks join the window when that stays dense enough, else it doubles. */
  #grow(): void {
    if (this.#tryWiden()) return;
    this.#rehash(this.#keys.length * 2);
  }

  #tryWiden(): boolean {
    let lo = this.#windowBlocks > 0 ? this.#base : Number.POSITIVE_INFINITY;
    let hi = this.#windowBlocks > 0 ? this.#base + this.#windowBlocks - 1 : -1;
    const keys = this.#keys;
    for (let k = 0; k < keys.length; k++) {
      const stored = keys[k]!;
      if (stored === EMPTY) continue;
      if (stored - 1 < lo) lo = stored - 1;
      if (stored - 1 > hi) hi = stored - 1;
    }
    const span = hi - lo + 1;
    // A quarter full costs 32 bytes per block in use, what the table costs at its fullest; half again as
    // much room above the highest block lets rising ids keep landing in the window.
    if (span > 4 * (this.#windowUsed + this.#entries) || span > MAX_WINDOW_BLOCKS) return false;
    const blocks = Math.min(span + (span >> 1), MAX_WINDOW_BLOCKS);
    const window = new Int32Array(blocks * 2);
    if (this.#windowBlocks > 0) window.set(this.#window, (this.#base - lo) * 2);
    const oldKeys = this.#keys;
    const oldMasks = this.#masks;
    this.#window = window;
    this.#base = lo;
    this.#windowBlocks = blocks;
    this.#keys = new Float64Array(1024);
    this.#masks = new Int32Array(2048);
    this.#mask = 1023;
    this.#entries = 0;
    this.#lastBlock = -1;
    let used = 0;
    for (let k = 0; k < window.length; k += 2) if (window[k] !== 0 || window[k + 1] !== 0) used++;
    for (let k = 0; k < oldKeys.length; k++) {
      const stored = oldKeys[k]!;
      if (stored === EMPTY) continue;
      const at = (stored - 1 - lo) * 2;
      window[at] = oldMasks[k << 1]!;
      window[at + 1] = oldMasks[(k << 1) | 1]!;
      used++;
    }
    this.#windowUsed = used;
    return true;
  }

  #rehash(size: number): void {
    const oldKeys = this.#keys;
    const oldMasks = this.#masks;
    const keys = new Float64Array(size);
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

/** 2^25 blocks: a window of at most 256 MiB, for 2^31 consecutive values. */
const MAX_WINDOW_BLOCKS = 1 << 25;

export interface NumberSetData {
  window: Int32Array;
  base: number;
  keys: Float64Array;
  masks: Int32Array;
  size: number;
}

function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
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

  toData(): ByteSetData {
    return {
      arena: this.#arena.subarray(0, this.#used),
      offsets: this.#offsets,
      lengths: this.#lengths,
      size: this.size,
    };
  }

  addAll(data: ByteSetData): void {
    for (let k = 0; k < data.offsets.length; k++) {
      const offset = data.offsets[k]!;
      if (offset !== 0) this.add(data.arena, offset - 1, offset - 1 + data.lengths[k]!);
    }
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

export interface ByteSetData {
  arena: Uint8Array;
  offsets: Int32Array;
  lengths: Int32Array;
  size: number;
}

/**
 * An IdSet as plain data (typed arrays, a Map), which survives the copy from a worker thread
 * to the one that merges: `ctx.readInParts` runs the aggregation on two threads.
 */
export interface IdSetData {
  plain: NumberSetData;
  keyed: Map<string, NumberSetData>;
  others: ByteSetData | undefined;
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

  toData(): IdSetData {
    const keyed = new Map([...this.#keyed].map(([key, set]) => [key, set.toData()]));
    return { plain: this.plain.toData(), keyed, others: this.#others?.toData() };
  }

  /** Adds every id of another set's data: each table into the table of the same key, so the union stays exact. */
  addAll(data: IdSetData): void {
    this.plain.addAll(data.plain);
    for (const [key, set] of data.keyed) this.forKey(key).addAll(set);
    if (data.others) {
      this.#others ??= new ByteSet();
      this.#others.addAll(data.others);
    }
  }
}

/** The number of distinct ids in the union of sets given as data. */
export function unionSize(sets: IdSetData[]): number {
  const size = (data: IdSetData) => {
    let n = data.plain.size + (data.others?.size ?? 0);
    for (const set of data.keyed.values()) n += set.size;
    return n;
  };
  if (sets.length === 1) return size(sets[0]!);
  const union = new IdSet();
  for (const data of sets) union.addAll(data);
  return union.size;
}
