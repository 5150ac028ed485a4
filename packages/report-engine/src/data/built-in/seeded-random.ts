import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of choices: the same seed always yields the same sequence. */
export interface SeededRandom {
  /** An integer in `[min, max]`, both included. */
  int(min: number, max: number): number;
  /** True with the given probability (0..1). */
  chance(probability: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct elements of `items`, in the order they were drawn. */
  sample<T>(items: readonly T[], count: number): T[];
}

const CHANCE_RESOLUTION = 1_000_000;

/** Murmur3's finaliser: spreads seeds that differ by little (consecutive days) far apart. */
function mix32(value: number): number {
  let hash = value | 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) | 0;
}

export function seededRandom(seed: number): SeededRandom {
  const rng = xoroshiro128plus(mix32(seed));
  const int = (min: number, max: number): number => uniformInt(rng, min, max);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick() needs at least one item to choose from');
    return items[int(0, items.length - 1)] as T;
  };
  return {
    int,
    pick,
    chance: (probability) => int(0, CHANCE_RESOLUTION - 1) < probability * CHANCE_RESOLUTION,
    sample: (items, count) => {
      const pool = [...items];
      const drawn: (typeof pool)[number][] = [];
      while (drawn.length < count && pool.length > 0) drawn.push(...pool.splice(int(0, pool.length - 1), 1));
      return drawn;
    },
  };
}
