/** The model test's headline sentence, shared by the dashboard and the organisation report so both say the same. */
import { fill } from '../../../lib/i18n/fill.ts';
import type { ModelReading } from '../../../lib/dashboard/analysis.ts';
import type { DashboardText } from '../strings.ts';
import { formatNumber } from './format.ts';
import type { Names } from './names.ts';

/** Never more than the figures bear: a predictor is named only when its interval excludes 0, R² stated as a finding only when sample-minimums.ts allows. */
export function modelReadingText(reading: ModelReading, names: Names, text: DashboardText): string {
  const { strongest, r2, r2Finding } = reading;
  if (!strongest) return fill(text['analysis.reading.model.noEffect'], { r2: formatNumber(r2, 3) });
  const named = { strongest: names.variable(strongest.name), beta: formatNumber(strongest.beta) };
  return r2Finding && r2 !== null ? fill(text['analysis.reading.model'], { ...named, r2: formatNumber(r2 * 100, 0) }) : fill(text['analysis.reading.model.effect'], { ...named, r2: formatNumber(r2, 3) });
}
