import { describe, expect, it } from 'vitest';
import { calibratedCpuSlowdown } from '../support/cpu-slowdown.ts';

describe('Lighthouse CPU slowdown calibrated to the host', () => {
  it('follows Lighthouse’s calibration table', () => {
    expect(calibratedCpuSlowdown(1533, 4)).toBe(4);
    expect(calibratedCpuSlowdown(1300, 4)).toBe(3);
    expect(calibratedCpuSlowdown(800, 4)).toBe(2);
    expect(calibratedCpuSlowdown(475, 4)).toBe(1.5);
    expect(calibratedCpuSlowdown(150, 4)).toBe(1);
  });

  it('never slows a host below its own speed, nor more than the preset', () => {
    expect(calibratedCpuSlowdown(98, 4)).toBe(1);
    expect(calibratedCpuSlowdown(2500, 4)).toBe(4);
  });
});
