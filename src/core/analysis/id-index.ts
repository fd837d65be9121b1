/**
 * Layer id → layer index, as an open-addressing hash table over an Int32Array. A `Map<string, number>`
 * of a few hundred thousand ids costs 5–15× more per id than of a thousand (its tables are reallocated
 * and rehashed while growing, and each lookup chases pointers through the heap). This table is sized
 * once and holds only numbers: each slot keeps the id's hash next to the layer index, so a probe
 * compares two numbers in one cache line and reads an id string only when the hashes agree. The ids
 * are read from the layers themselves (no copy of them).
 */
import type { LayerSpec } from '../model/types';

/** Regions of 2^SHIFT = 4,096 slots (32 KiB of pairs) fit the first-level caches. */
const SHIFT = 12;

/** FNV-1a over the UTF-16 code units. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  return h;
}

/**
 * The memory of the tables, kept from one resolve to the next: the tables live only while a graph is
 * resolved, and mapping a few fresh megabytes for each large model costs more than clearing them.
 */
let pool = new Int32Array(0);

export class IdIndex {
  /** Pairs (hash, layer index + 1); 0 marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The rest of the pool, for {@link addAll}. */
  private readonly spare: Int32Array;

  /**
   * The table finds layers of `layers` by id; {@link addAll} enters them. It uses memory shared by
   * every index: only one may be in use at a time.
   */
  constructor(private readonly layers: readonly LayerSpec[]) {
    const n = layers.length;
    // At most three ids in four slots.
    let cap = 16;
    while (cap * 3 < n * 4) cap *= 2;
    const size = 2 * cap + 3 * n + (cap >>> SHIFT) + 1;
    if (pool.length < size) pool = new Int32Array(size);
    this.slots = pool.subarray(0, 2 * cap).fill(0);
    this.spare = pool.subarray(2 * cap, size);
    this.mask = cap - 1;
  }

  /** The slot (pair index) that holds `id`, or the empty one where it would go. */
  private slot(id: string, h: number): number {
    const slots = this.slots;
    let p = h & this.mask;
    for (;;) {
      const j = slots[2 * p + 1] - 1;
      if (j < 0 || (slots[2 * p] === h && this.layers[j].id === id)) return p;
      p = (p + 1) & this.mask;
    }
  }

  /** The index of `id`, or undefined. */
  get(id: string): number | undefined {
    const j = this.slots[2 * this.slot(id, hashOf(id)) + 1] - 1;
    return j < 0 ? undefined : j;
  }

  /**
   * Enters every layer whose id is not `reserved`; returns, per layer, the index of the earlier
   * layer that holds its id (-1: none; -2: the id is `reserved`). The layers go in by region of the
   * table (a counting sort on the slot each hashes to), so that inserting a few hundred thousand ids
   * sweeps the table once instead of missing the cache on each; within a region they keep the list
   * order, so the first of equal ids is the one entered. The result is valid until the next index
   * is made. Also sets `explicit[i]` to 1 when layer `i` lists its `inputs`, else 0.
   */
  addAll(reserved: string, explicit: Uint8Array): Int32Array {
    const layers = this.layers;
    const n = layers.length;
    const spare = this.spare;
    const hashes = spare.subarray(0, n);
    const dup = spare.subarray(n, 2 * n).fill(-1);
    for (let i = 0; i < n; i++) {
      const l = layers[i];
      const id = l.id;
      // Read while the layer is in the cache: a later pass then skips the layers without `inputs`.
      explicit[i] = l.inputs === undefined ? 0 : 1;
      if (id === reserved) dup[i] = -2;
      else hashes[i] = hashOf(id);
    }
    const regions = (this.mask + 1) >>> SHIFT;
    let order: Int32Array | null = null;
    if (regions > 1) {
      const at = spare.subarray(3 * n, 3 * n + regions + 1).fill(0);
      for (let i = 0; i < n; i++) at[((hashes[i] & this.mask) >>> SHIFT) + 1]++;
      for (let r = 0; r < regions; r++) at[r + 1] += at[r];
      order = spare.subarray(2 * n, 3 * n);
      for (let i = 0; i < n; i++) order[at[(hashes[i] & this.mask) >>> SHIFT]++] = i;
    }
    // Only numbers are read here, but for ids whose hashes agree.
    const slots = this.slots;
    for (let k = 0; k < n; k++) {
      const i = order === null ? k : order[k];
      if (dup[i] === -2) continue;
      const h = hashes[i];
      let p = h & this.mask;
      for (;;) {
        const j = slots[2 * p + 1] - 1;
        if (j < 0) {
          slots[2 * p] = h;
          slots[2 * p + 1] = i + 1;
          break;
        }
        if (slots[2 * p] === h && layers[j].id === layers[i].id) {
          dup[i] = j;
          break;
        }
        p = (p + 1) & this.mask;
      }
    }
    return dup;
  }
}
