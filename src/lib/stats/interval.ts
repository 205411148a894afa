/**
 * Confidence intervals of the form estimate ± t·SE, shared by means, mean differences and regression coefficients.
 */
import { studentTQuantile } from './distributions.ts';

export interface ConfidenceInterval {
  /** The coverage, such as 0.95. */
  level: number;
  lower: number;
  upper: number;
}

/** estimate ± t(1 − (1 − level)/2, df) · se; NaN bounds when df or se cannot be computed. */
export function tInterval(estimate: number, standardError: number, df: number, level = 0.95): ConfidenceInterval {
  if (!(level > 0 && level < 1)) throw new RangeError(`a confidence level between 0 and 1, not ${level}`);
  const halfWidth = studentTQuantile(1 - (1 - level) / 2, df) * standardError;
  return { level, lower: estimate - halfWidth, upper: estimate + halfWidth };
}
