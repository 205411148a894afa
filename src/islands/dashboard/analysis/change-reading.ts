/** One part's change between two waves as a sentence, shared by the dashboard and the organisation report so both say the same. */
import { fill } from '../../../lib/i18n/fill.ts';
import type { ChangeReading, EffectBand, MeasureRef, Stat } from '../../../lib/dashboard/analysis.ts';
import type { DashboardText } from '../strings.ts';
import { formatNumber, pClause } from './format.ts';
import type { Names } from './names.ts';

export interface ChangeSentence {
  measure: MeasureRef;
  direction: ChangeReading['direction'];
  change: number;
  effect: { name: string; value: Stat; band: EffectBand | null };
  p: number;
}

export function changeReadingText(change: ChangeSentence, names: Names, text: DashboardText): string {
  return fill(text[`analysis.reading.change.${change.direction}`], {
    measure: names.measure(change.measure),
    change: formatNumber(Math.abs(change.change)),
    effectName: change.effect.name,
    effect: formatNumber(change.effect.value),
    band: change.effect.band ? text[`analysis.band.${change.effect.band}`] : '—',
    p: pClause(change.p),
  });
}
