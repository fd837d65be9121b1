/**
 * Layer id → layer index, as an open-addressing hash table over an Int32Array. A `Map<string, number>`
 * of a few hundred thousand ids costs 5–15× more per id than of a thousand (its tables are reallocated
 * and rehashed while growing, and each lookup chases pointers through the heap); this table is sized
 * once, holds only numbers, and keeps the cost per id flat from 1k to 300k layers.
 */
export class IdIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** `ids[i]` is the id of layer `i`; the table only stores indices into it. */
  constructor(private readonly ids: readonly string[]) {
    let cap = 16;
    while (cap < ids.length * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  private slot(id: string): number {
    // FNV-1a over the UTF-16 code units.
    let h = 0x811c9dc5;
    for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
    let p = h & this.mask;
    for (;;) {
      const j = this.slots[p];
      if (j < 0 || this.ids[j] === id) return p;
      p = (p + 1) & this.mask;
    }
  }

  /** The index of `id`, or undefined. */
  get(id: string): number | undefined {
    const j = this.slots[this.slot(id)];
    return j < 0 ? undefined : j;
  }

  /** Adds layer `i` under its id unless the id is taken; returns the index that holds it now. */
  add(i: number): number {
    const p = this.slot(this.ids[i]);
    const j = this.slots[p];
    if (j >= 0) return j;
    this.slots[p] = i;
    return i;
  }
}
