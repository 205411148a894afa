/**
 * The seeded generator behind the bootstrap and the synthetic cohort. Known answers come from a second, independent
 * implementation of xoshiro128** and SplitMix64 in Python (tests/fixtures/stats/make_fixtures.py, section "random",
 * written from the authors' C reference at https://prng.di.unimi.it/). Regenerate with
 * `/usr/bin/python3 tests/fixtures/stats/make_fixtures.py`.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/lib/stats/random.ts';
import { expectClose, expected } from '../fixtures/stats/fixtures.ts';

describe('seeded random numbers', () => {
  it('reproduce the reference stream for several seeds, bit for bit', () => {
    for (const [seed, stream] of Object.entries(expected.random as Record<string, { uint32: number[]; float: number[]; integer6: number[]; integer20000: number[]; normal: number[] }>)) {
      const random = createRandom(Number(seed));
      expect(Array.from({ length: 8 }, () => random.uint32()), `seed ${seed}`).toEqual(stream.uint32);
      expect(Array.from({ length: 4 }, () => random.float()), `seed ${seed}`).toEqual(stream.float);
      expect(Array.from({ length: 8 }, () => random.integer(6)), `seed ${seed}`).toEqual(stream.integer6);
      expect(Array.from({ length: 8 }, () => random.integer(20_000)), `seed ${seed}`).toEqual(stream.integer20000);
      // Box–Muller uses log, sin and cos, which may differ from C's in the last bit.
      stream.normal.forEach((value, i) => expectClose(random.normal(), value, 1e-14, `seed ${seed} normal ${i}`));
    }
  });

  it('give the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 100 }, () => random.uint32());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draw integers uniformly: every face of a die about equally often', () => {
    const random = createRandom(99);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[random.integer(6)]!++;
    // Chi-square with 5 df; 20.5 is its 0.999 quantile.
    const chiSquare = counts.reduce((sum, count) => sum + (count - 10_000) ** 2 / 10_000, 0);
    expect(chiSquare).toBeLessThan(20.5);
  });

  it('stay within bounds, including bounds beyond 2^21 that take the rejection path', () => {
    const random = createRandom(3);
    for (const bound of [1, 2, 3, 2_097_152, 2_097_153, 4_294_967_296]) {
      for (let i = 0; i < 1000; i++) {
        const value = random.integer(bound);
        expect(Number.isInteger(value) && value >= 0 && value < bound).toBe(true);
      }
    }
    for (let i = 0; i < 1000; i++) {
      const value = random.float();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });

  it('draw normal deviates with mean 0 and SD 1', () => {
    const random = createRandom(5);
    const values = Array.from({ length: 40_000 }, () => random.normal());
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
  });

  it('refuse seeds and bounds that are not whole numbers', () => {
    expect(() => createRandom(1.5)).toThrow(/safe integer/);
    expect(() => createRandom(2 ** 60)).toThrow(/safe integer/);
    expect(() => createRandom(1).integer(0)).toThrow(/bound/);
    expect(() => createRandom(1).integer(2.5)).toThrow(/bound/);
    expect(() => createRandom(1).integer(2 ** 33)).toThrow(/bound/);
  });
});
