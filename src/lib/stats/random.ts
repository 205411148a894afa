/**
 * A small seeded pseudo-random number generator, so a bootstrap or a synthetic cohort gives the same numbers on
 * every machine and in every browser. Math.random cannot be seeded, and its algorithm differs between engines.
 *
 * Algorithm: xoshiro128** 1.0 (Blackman & Vigna, https://prng.di.unimi.it/, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021): 128 bits of state, period 2^128 − 1, passes BigCrush, and needs only 32-bit
 * integer arithmetic, which JavaScript does exactly with `Math.imul`, `<<` and `>>>`. The state is filled from
 * the seed by SplitMix64, as the authors recommend, so nearby seeds give unrelated streams.
 *
 * Not for anything secret: use `crypto.getRandomValues` for codes and keys.
 */

const TWO_POW_32 = 4_294_967_296;
const TWO_POW_MINUS_32 = 2 ** -32;
const TWO_POW_MINUS_53 = 2 ** -53;
const MASK_64 = (1n << 64n) - 1n;

export interface Random {
  /** The next 32-bit unsigned integer, 0 ≤ n < 2^32. */
  uint32(): number;
  /** A uniform number in [0, 1) with 53 random bits. */
  float(): number;
  /** A uniform integer in [0, bound), exactly uniform (no modulo bias); bound is an integer from 1 to 2^32. */
  integer(bound: number): number;
  /** A standard normal deviate (mean 0, SD 1), by the Box–Muller transform. */
  normal(): number;
}

/** SplitMix64 (Steele, Lea & Flood 2014), used only to expand a seed into generator state. */
function* splitMix64(seed: bigint): Generator<bigint, never> {
  let state = seed & MASK_64;
  for (;;) {
    state = (state + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    yield z ^ (z >> 31n);
  }
}

class Xoshiro128StarStar implements Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal = Number.NaN;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`a seed must be a safe integer, not ${seed}`);
    const words = splitMix64(BigInt(seed));
    const first = words.next().value;
    const second = words.next().value;
    // Low 32 bits first; SplitMix64 never yields an all-zero pair here, but guard the forbidden all-zero state anyway.
    this.s0 = Number(first & 0xffffffffn) | 0;
    this.s1 = Number(first >> 32n) | 0;
    this.s2 = Number(second & 0xffffffffn) | 0;
    this.s3 = Number(second >> 32n) | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  uint32(): number {
    const s1 = this.s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  float(): number {
    // 27 + 26 bits, the construction of Java's and numpy's 53-bit doubles.
    const high = this.uint32() >>> 5;
    const low = this.uint32() >>> 6;
    return (high * 67_108_864 + low) * TWO_POW_MINUS_53;
  }

  integer(bound: number): number {
    if (bound >= 1 && bound <= 2_097_152 && Math.floor(bound) === bound) {
      // Lemire's multiply-and-reject (ACM TOMACS 29(1), 2019). With bound ≤ 2^21 the 53-bit product is exact
      // in a double; its high 32 bits are the answer, and a low part below 2^32 mod bound is redrawn.
      // Floor and subtract rather than %, which is a slow floating-point remainder in V8.
      let product = this.uint32() * bound;
      let high = Math.floor(product * TWO_POW_MINUS_32);
      if (product - high * TWO_POW_32 < bound) {
        const threshold = TWO_POW_32 % bound;
        while (product - high * TWO_POW_32 < threshold) {
          product = this.uint32() * bound;
          high = Math.floor(product * TWO_POW_MINUS_32);
        }
      }
      return high;
    }
    if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) throw new RangeError(`a bound must be an integer from 1 to 2^32, not ${bound}`);
    // Large bounds: plain rejection of the incomplete last block.
    const limit = TWO_POW_32 - (TWO_POW_32 % bound);
    let draw = this.uint32();
    while (draw >= limit) draw = this.uint32();
    return draw % bound;
  }

  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = Number.NaN;
      return spare;
    }
    // Box & Muller (1958). 1 − float() lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.float()));
    const angle = 2 * Math.PI * this.float();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }
}

/** A generator seeded with any safe integer; the same seed always gives the same sequence. */
export function createRandom(seed: number): Random {
  return new Xoshiro128StarStar(seed);
}
