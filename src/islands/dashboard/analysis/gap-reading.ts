import { fill } from '../../../lib/i18n/fill.ts';
import type { Dimension, GapReading } from '../../../lib/dashboard/analysis.ts';
import type { DashboardText } from '../strings.ts';
import { formatNumber } from './format.ts';
import type { Names } from './names.ts';

/** One sentence on the largest gap between the groups of a breakdown. */
export function gapText(reading: GapReading, dimension: Dimension, names: Names, text: DashboardText): string {
  if (reading.kind !== 'largest-gap') return text['analysis.reading.too-few-groups'];
  return fill(text['analysis.reading.largest-gap'], {
    measure: names.measure(reading.measure),
    high: names.group(dimension, reading.high.group),
    highMean: formatNumber(reading.high.mean),
    low: names.group(dimension, reading.low.group),
    lowMean: formatNumber(reading.low.mean),
    difference: formatNumber(reading.difference),
  });
}
