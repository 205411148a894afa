/**
 * The CPU slowdown that makes a test host stand for Lighthouse's target phone, from the host's benchmark index
 * (Lighthouse's own measure, `computeBenchmarkIndex`). The table is the calibration Lighthouse's throttling
 * documentation links (https://github.com/GoogleChrome/lighthouse/blob/main/docs/throttling.md#calibrating-multipliers,
 * lighthouse-cpu-throttling-calculator): 4 times at an index of about 1,533, 2 at 800, 1 at 150 and below.
 * Capped at the preset's multiplier, so a fast host is never slowed more than Lighthouse's own mobile preset.
 */
export function calibratedCpuSlowdown(benchmarkIndex: number, preset: number): number {
  const multiplier =
    benchmarkIndex >= 1300 ? 3 + (benchmarkIndex - 1300) / 233 : benchmarkIndex >= 800 ? 2 + (benchmarkIndex - 800) / 500 : benchmarkIndex >= 150 ? 1 + (benchmarkIndex - 150) / 650 : 1;
  return Math.min(preset, Math.round(multiplier * 10) / 10);
}
