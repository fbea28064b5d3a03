/**
 * A seeded pseudo-random source for the demo generator: the same seed gives the same region,
 * including the uuids (so two runs can be compared row by row). Never Math.random.
 */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** mulberry32: small, fast and good enough for fake data. Returns [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [key, w] of entries) {
      x -= w;
      if (x < 0) return key;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('weighted pick from nothing');
    return last[0];
  }

  /** Picks up to `n` distinct items, each draw proportional to `weightOf` among those left. */
  sampleWeighted<T>(items: readonly T[], n: number, weightOf: (item: T) => number): T[] {
    const pool = items.map((item) => ({ item, w: weightOf(item) })).filter((e) => e.w > 0);
    const out: T[] = [];
    let total = pool.reduce((sum, e) => sum + e.w, 0);
    while (out.length < n && pool.length > 0) {
      let x = this.next() * total;
      let index = pool.length - 1;
      for (let i = 0; i < pool.length; i++) {
        x -= (pool[i] as { w: number }).w;
        if (x < 0) {
          index = i;
          break;
        }
      }
      const [chosen] = pool.splice(index, 1);
      if (!chosen) break;
      total -= chosen.w;
      out.push(chosen.item);
    }
    return out;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** A version-4 uuid drawn from this source, so ids repeat with the seed. */
  uuid(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    const a = hex(this.next() * 4_294_967_296);
    const b = hex(this.next() * 4_294_967_296);
    const c = hex(this.next() * 4_294_967_296);
    const d = hex(this.next() * 4_294_967_296);
    const variant = ((Number.parseInt(c[0] as string, 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}
