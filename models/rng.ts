/**
 * Seeded random numbers (MODEL.md §1).
 *
 * xoshiro128** (Blackman & Vigna 2018) with 32-bit outputs, seeded through a
 * mixing function of (seed, run index). Never put the run index into one word
 * of the state: neighbouring states give nearly the same first draws for
 * xoshiro-type generators (MODEL.md §1 tells of a prototype whose Monte Carlo
 * curves came out ten times off that way). Here every state word goes through
 * the murmur3 finaliser, so run r and run r + 1 share nothing visible.
 *
 * Only integer operations (`Math.imul`, shifts): bitwise identical in every
 * JavaScript engine.
 */

/** murmur3's 32-bit finaliser: a bijective avalanche mix. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const GOLDEN = 0x9e3779b9;
const TWO_TO_MINUS_32 = 1 / 4294967296;

/** A seed must be an integer in [0, 2^32 − 1]; this is the range the UI, CLI and URLs accept. */
export const SEED_MAX = 4294967295;

/**
 * Generator state: four 32-bit words in a Uint32Array, so one generator can be
 * re-seeded for every run without allocating.
 */
export class Rng {
  readonly state = new Uint32Array(4);

  constructor(seed = 0, run = 0) {
    this.reseed(seed, run);
  }

  /**
   * Derive the state for run `run` of base seed `seed`: splitmix32-style,
   * a Weyl sequence over a key that mixes both numbers, each word finalised.
   */
  reseed(seed: number, run: number): this {
    const key = mix32((seed >>> 0) ^ mix32(((run >>> 0) + GOLDEN) >>> 0));
    const s = this.state;
    let x = key;
    for (let i = 0; i < 4; i++) {
      x = (x + GOLDEN) >>> 0;
      s[i] = mix32(x);
    }
    if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1; // the all-zero state is a fixed point
    return this;
  }

  /** Next 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const s = this.state;
    const s0 = s[0]!, s1 = s[1]!, s2 = s[2]!, s3 = s[3]!;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    let n2 = s2 ^ s0;
    let n3 = s3 ^ s1;
    const n1 = s1 ^ n2;
    const n0 = s0 ^ n3;
    n2 ^= t;
    n3 = (n3 << 11) | (n3 >>> 21);
    s[0] = n0; s[1] = n1; s[2] = n2; s[3] = n3;
    return result;
  }

  /** Uniform draw in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() * TWO_TO_MINUS_32;
  }
}

/**
 * The seed of chunk `index` of a job with base seed `seed`: used only where a
 * whole chunk needs its own stream (the Morris design in sensitivity). Runs
 * use `Rng.reseed(seed, run)` directly so that splitting never changes them.
 */
export function deriveSeed(seed: number, index: number): number {
  return mix32((seed >>> 0) ^ mix32(((index >>> 0) + 0x632be5ab) >>> 0));
}
