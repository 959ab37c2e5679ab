// A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on
// every machine and Node version, which is what makes injected faults reproducible. Not for
// anything that needs real randomness.

export type Random = () => number;

/** A generator of numbers in [0, 1) from a 32-bit seed (other numbers are reduced to 32 bits). */
export function createSeededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both included. */
export function randomInteger(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
