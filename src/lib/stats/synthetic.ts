/**
 * A synthetic cohort drawn from a known model, so the dashboard's analysis can be shown to recover it and demos
 * need no real people's answers. Everything is seeded (`random.ts`): the same options give the same cohort.
 *
 * The model, in standardised latent variables per person (variance 1 before the workshop):
 *
 *   awareness   A  ~ N(0, 1); after the workshop A + awarenessGain
 *   support     S  ~ N(0, 1)                                     (manager support and peer feedback)
 *   environment E  = a₁·A + s·S + e_E                            (a₁ = awarenessToEnvironment, s = supportToEnvironment)
 *   achievement Ac = a₂·A + e_Ac                                 (a₂ = awarenessToAchievement)
 *   engagement  Y  = c′·A + b₁·E + b₂·Ac + e_Y                   (b₁, b₂ = …ToEngagement, c′ = awarenessToEngagement)
 *   efficacy    F  = f·Ac + e_F                                  (f = achievementToEfficacy)
 *
 * each residual e scaled so the latent has variance 1. The residuals and S belong to the person and stay the same in
 * both waves, so a person's change follows the model: ΔY = (c′ + a₁b₁ + a₂b₂)·awarenessGain.
 *
 * Answers: a part made of several scales gives each scale a true score λ·part + √(1 − λ²)·u (λ = scaleLoading,
 * u the person's own); a one-scale part is its scale. Each item is loading·true + √(1 − loading²)·ε with fresh ε
 * in every wave, mapped to the response scale as round(itemCentre + itemSpread·value) clamped to min…max, and
 * mirrored ((min + max) − answer) for a reverse-keyed item, so scoring reverses it back. Observed correlations are
 * therefore lower than the latent ones (measurement error and coarse 1–5 answers), as with real surveys.
 */
import type { ModelPart, ScoringInstrument } from './columns.ts';
import { createRandom, type Random } from './random.ts';

export interface PathCoefficients {
  awarenessToEnvironment: number;
  awarenessToAchievement: number;
  environmentToEngagement: number;
  achievementToEngagement: number;
  /** The direct path: small, because awareness alone barely moves engagement (../shared/domain.md). */
  awarenessToEngagement: number;
  supportToEnvironment: number;
  achievementToEfficacy: number;
}

export const DEFAULT_PATHS: PathCoefficients = {
  awarenessToEnvironment: 0.5,
  awarenessToAchievement: 0.45,
  environmentToEngagement: 0.35,
  achievementToEngagement: 0.35,
  awarenessToEngagement: 0.05,
  supportToEnvironment: 0.3,
  achievementToEfficacy: 0.5,
};

export interface SyntheticOptions {
  /** People in the cohort; each answers before the workshop. */
  people: number;
  seed: number;
  paths?: Partial<PathCoefficients>;
  /** Rise of latent awareness after the workshop, in SD units; 0.4 by default. */
  awarenessGain?: number;
  /** Share of people who also answer after the workshop; 0.8 by default. */
  afterShare?: number;
  /** Share of people who give an anonymous code (only they can be matched); 0.85 by default. */
  codeShare?: number;
  /** Chance that any one item is left unanswered; 0.02 by default. */
  missingShare?: number;
  /** Correlation of an item with its scale's true score; 0.8 by default. */
  itemLoading?: number;
  /** Correlation of a scale's true score with its part, for parts of several scales; 0.85 by default. */
  scaleLoading?: number;
  /** Centre and spread of the answers on the response scale; 3.3 and 1 by default. */
  itemCentre?: number;
  itemSpread?: number;
  /** Cohort labels, assigned at random; ["2026-A", "2026-B"] by default. */
  cohorts?: readonly string[];
}

export interface SyntheticResponse {
  wave: 'before' | 'after';
  cohort: string;
  /** A role id of the instrument: the first (team member) for 80 %, the others share the rest. */
  role: string;
  /** A career stage id of the instrument, uniform. */
  stage: string;
  anonymousCode: string | null;
  /** Raw answers by item id (reverse-keyed items not yet reversed); null when not answered. */
  answers: Record<string, number | null>;
  /** After the workshop only: satisfaction and applicability 1–5, recommend 0–10. */
  evaluation: { satisfaction: number | null; applicability: number | null; recommend: number | null } | null;
}

export interface SyntheticCohort {
  responses: SyntheticResponse[];
  /** Each response's latent part scores, in the order of `responses`: the truth an analysis should recover. */
  latent: Record<ModelPart, Float64Array>;
  /** The options in force, defaults filled in. */
  options: Required<Omit<SyntheticOptions, 'paths'>> & { paths: PathCoefficients };
}

/** What the generator needs of an instrument: its scales, response scale, roles and career stages. */
export type SyntheticInstrument = ScoringInstrument & { roles: readonly { id: string }[]; careerStages: readonly { id: string }[] };

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** √(1 − explained), or an error naming the paths when they explain more than all the variance. */
function residualScale(explained: number, what: string): number {
  if (!(explained < 1)) throw new RangeError(`the paths into ${what} explain ${explained.toFixed(3)} of its variance; keep it below 1`);
  return Math.sqrt(1 - explained);
}

export function generateCohort(instrument: SyntheticInstrument, options: SyntheticOptions): SyntheticCohort {
  const paths = { ...DEFAULT_PATHS, ...options.paths };
  const resolved = {
    people: options.people,
    seed: options.seed,
    awarenessGain: options.awarenessGain ?? 0.4,
    afterShare: options.afterShare ?? 0.8,
    codeShare: options.codeShare ?? 0.85,
    missingShare: options.missingShare ?? 0.02,
    itemLoading: options.itemLoading ?? 0.8,
    scaleLoading: options.scaleLoading ?? 0.85,
    itemCentre: options.itemCentre ?? 3.3,
    itemSpread: options.itemSpread ?? 1,
    cohorts: options.cohorts ?? ['2026-A', '2026-B'],
    paths,
  };
  if (!Number.isInteger(resolved.people) || resolved.people < 1) throw new RangeError(`people must be a whole number of at least 1, not ${resolved.people}`);
  const { awarenessToEnvironment: a1, awarenessToAchievement: a2, environmentToEngagement: b1, achievementToEngagement: b2 } = paths;
  const { awarenessToEngagement: direct, supportToEnvironment: support, achievementToEfficacy: efficacy } = paths;
  const environmentResidual = residualScale(a1 * a1 + support * support, 'environment-building');
  const achievementResidual = residualScale(a2 * a2, 'achievement-building');
  const engagementResidual = residualScale(
    direct * direct + b1 * b1 + b2 * b2 + 2 * direct * b1 * a1 + 2 * direct * b2 * a2 + 2 * b1 * b2 * a1 * a2,
    'engagement',
  );
  const efficacyResidual = residualScale(efficacy * efficacy, 'self-efficacy');

  const random = createRandom(resolved.seed);
  const { min, max } = instrument.response;
  const scalesPerPart = new Map<ModelPart, number>();
  for (const scale of instrument.scales) scalesPerPart.set(scale.part, (scalesPerPart.get(scale.part) ?? 0) + 1);
  const answer = (value: number) => Math.min(max, Math.max(min, Math.round(resolved.itemCentre + resolved.itemSpread * value)));
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, Math.round(value)));
  const maybe = (value: number) => (random.float() < resolved.missingShare ? null : value);

  interface Person {
    cohort: string;
    role: string;
    stage: string;
    code: string | null;
    awareness: number;
    support: number;
    residuals: { environment: number; achievement: number; engagement: number; efficacy: number };
    /** The person's own part of each scale's true score, by scale id. */
    unique: Map<string, number>;
  }
  const codes = new Set<string>();
  const newCode = (rng: Random) => {
    for (;;) {
      let code = '';
      for (let i = 0; i < 6; i++) code += CODE_ALPHABET[rng.integer(CODE_ALPHABET.length)];
      if (!codes.has(code)) {
        codes.add(code);
        return code;
      }
    }
  };
  const pickRole = () => {
    if (instrument.roles.length === 1 || random.float() < 0.8) return instrument.roles[0]!.id;
    return instrument.roles[1 + random.integer(instrument.roles.length - 1)]!.id;
  };
  const people: Person[] = Array.from({ length: resolved.people }, () => ({
    cohort: resolved.cohorts[random.integer(resolved.cohorts.length)]!,
    role: pickRole(),
    stage: instrument.careerStages[random.integer(instrument.careerStages.length)]!.id,
    code: random.float() < resolved.codeShare ? newCode(random) : null,
    awareness: random.normal(),
    support: random.normal(),
    residuals: { environment: random.normal(), achievement: random.normal(), engagement: random.normal(), efficacy: random.normal() },
    unique: new Map(instrument.scales.map((scale) => [scale.id, random.normal()])),
  }));

  const responses: SyntheticResponse[] = [];
  const latentRows: Record<ModelPart, number>[] = [];
  const respond = (person: Person, wave: 'before' | 'after') => {
    const awareness = person.awareness + (wave === 'after' ? resolved.awarenessGain : 0);
    const environment = a1 * awareness + support * person.support + environmentResidual * person.residuals.environment;
    const achievement = a2 * awareness + achievementResidual * person.residuals.achievement;
    const latent: Record<ModelPart, number> = {
      awareness,
      environment,
      achievement,
      efficacy: efficacy * achievement + efficacyResidual * person.residuals.efficacy,
      support: person.support,
      // Outside the model: a people manager's own practice, asked of managers only, drawn like the support they give.
      practice: person.support,
      engagement: direct * awareness + b1 * environment + b2 * achievement + engagementResidual * person.residuals.engagement,
    };
    const answers: Record<string, number | null> = {};
    const itemNoise = Math.sqrt(1 - resolved.itemLoading ** 2);
    for (const scale of instrument.scales) {
      const roles = (scale as { roles?: readonly string[] }).roles;
      const asked = !roles || roles.includes(person.role);
      const part = latent[scale.part];
      const trueScore = (scalesPerPart.get(scale.part) ?? 1) > 1 ? resolved.scaleLoading * part + Math.sqrt(1 - resolved.scaleLoading ** 2) * person.unique.get(scale.id)! : part;
      for (const item of scale.items) {
        const value = answer(resolved.itemLoading * trueScore + itemNoise * random.normal());
        const given = maybe(item.reverse ? min + max - value : value);
        // Drawn either way, so a scale asked of some roles only leaves everyone else's answers unchanged.
        answers[item.id] = asked ? given : null;
      }
    }
    let evaluation: SyntheticResponse['evaluation'] = null;
    if (wave === 'after') {
      const liking = random.normal();
      evaluation = {
        satisfaction: maybe(clamp(4.1 + 0.8 * liking, 1, 5)),
        applicability: maybe(clamp(3.8 + 0.9 * (0.5 * liking + Math.sqrt(0.75) * random.normal()), 1, 5)),
        recommend: maybe(clamp(7.6 + 2 * (0.6 * liking + 0.8 * random.normal()), 0, 10)),
      };
    }
    responses.push({ wave, cohort: person.cohort, role: person.role, stage: person.stage, anonymousCode: person.code, answers, evaluation });
    latentRows.push(latent);
  };
  for (const person of people) respond(person, 'before');
  for (const person of people) if (random.float() < resolved.afterShare) respond(person, 'after');

  const parts: ModelPart[] = ['awareness', 'environment', 'achievement', 'efficacy', 'support', 'engagement'];
  const latent = Object.fromEntries(parts.map((part) => [part, Float64Array.from(latentRows, (row) => row[part])])) as Record<ModelPart, Float64Array>;
  return { responses, latent, options: resolved };
}
