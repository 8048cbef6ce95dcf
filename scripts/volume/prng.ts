/**
 * A small seeded PRNG for the volume generator. Every generated row draws from its own stream,
 * seeded by (run seed, table, row number), so row N is the same whether the run went straight
 * through or was resumed after row N-1: nothing has to be replayed.
 */

/** FNV-1a over a string: a stable 32-bit seed from a label. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type TRandom = {
  /** uniform in [0, 1) */
  next(): number;
  /** an integer in [min, max] */
  int(min: number, max: number): number;
  /** one element of a non-empty list */
  pick<T>(items: readonly T[]): T;
  /** true with probability p */
  chance(p: number): boolean;
  /** one element by weight: [[value, weight], …] */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
};

/** mulberry32: fast, 32-bit state, good enough for made-up content (not for secrets). */
export function createRandom(seed: number): TRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    weighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of items) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return items[items.length - 1][0];
    },
  };
}

/** What every generated row is made from: the run's seed and last day (YYYY-MM-DD), and its index. */
export type TRowInput = { seed: number; endDay: string; index: number };

/** The stream of one row: the same (seed, table, index) always gives the same numbers. */
export function rowRandom(seed: number, table: string, index: number): TRandom {
  return createRandom(hashSeed(`${seed}:${table}:${index}`));
}
