/**
 * Who answered: responses per wave (always every wave, whatever the filter), and the view's responses per cohort,
 * career stage and role, with small groups hidden (privacy.ts).
 */
import { WAVES } from '../../survey/response-code.ts';
import { waveIds, type AnalysisContext } from './context.ts';
import { countTotals, groupCounts, type DimensionPrivacy } from './groups.ts';
import type { Dimension, HiddenReason, ParticipationSection, Section, GroupCounts, WaveCell } from './types.ts';

/** Why the view shows nothing, or null when it has responses. */
export function viewHiddenReason(context: AnalysisContext): HiddenReason | null {
  if (context.viewRows.length > 0) return null;
  // Empty although it has responses: every wave in it has fewer than the minimum and is left out.
  if (context.wave === 'all') return context.responses.length > 0 ? 'below-minimum' : 'no-data';
  return context.waveCounts[WAVES.indexOf(context.wave)]! > 0 ? 'wave-excluded' : 'no-data';
}

export function participation(context: AnalysisContext, privacy: Record<Dimension, DimensionPrivacy>): ParticipationSection {
  const minimum = context.privacy.minGroupSize;
  const waves: WaveCell[] = WAVES.map((id, w) => {
    const count = context.waveCounts[w]!;
    const small = count > 0 && count < minimum;
    return { id, count: small ? null : count, hidden: small, reason: small ? 'below-minimum' : null, inView: context.viewWaves.includes(w) };
  });
  const hiddenReason = viewHiddenReason(context);
  const section = (dimension: Dimension): Section<GroupCounts> =>
    hiddenReason ? { hidden: true, reason: hiddenReason, minimum } : { hidden: false, ...groupCounts(privacy[dimension]) };
  return {
    byWave: { total: waves.reduce((sum, wave) => sum + (wave.count ?? 0), 0), waves },
    byCohort: section('cohort'),
    byStage: section('stage'),
    byRole: section('role'),
    reading: {
      kind: 'participation',
      responses: context.viewRows.length,
      waves: waveIds(context.viewWaves),
      hiddenGroups: hiddenReason ? 0 : (['cohort', 'stage', 'role'] as const).reduce((sum, dimension) => sum + countTotals(privacy[dimension]).hiddenGroups, 0),
    },
  };
}
