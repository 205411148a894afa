/**
 * The model test's indirect effects: does career awareness (x) go with engagement (y) through environment-building
 * and achievement-building (the mediators)? A parallel mediation model (Hayes, Introduction to Mediation,
 * Moderation, and Conditional Process Analysis, 3rd ed. 2022, ch. 5; PROCESS model 4), three kinds of OLS fit:
 *
 *   mediator i:  mᵢ = iᵢ + aᵢ·x + e           (one fit per mediator)
 *   outcome:     y  = i  + c′·x + Σ bᵢ·mᵢ + e (direct effect c′)
 *   total:       y  = i  + c·x + e            (c = c′ + Σ aᵢbᵢ exactly, on the same responses)
 *
 * Indirect effect through mediator i: aᵢ·bᵢ; total indirect: Σ aᵢbᵢ; contrast of two paths: aᵢbᵢ − aⱼbⱼ. A product of
 * coefficients is not normally distributed, so its confidence interval is a percentile bootstrap (Preacher & Hayes
 * 2008, Behavior Research Methods 40(3)): resample the responses with replacement, refit, and take the 2.5th and
 * 97.5th percentiles of the resampled effects, by linear interpolation (`quantileSorted`, numpy's default).
 *
 * All fits use the responses complete on x, every mediator and y (listwise). The bootstrap is in
 * `mediation-bootstrap.ts`.
 */
import { completeRows } from './columns.ts';
import { coefficientOf, ols, type OlsFit } from './regression.ts';

export interface MediationInput {
  /** Predictor, such as career awareness. */
  x: ArrayLike<number>;
  /** Parallel mediators, such as [environment-building, achievement-building]. */
  mediators: readonly ArrayLike<number>[];
  /** Outcome, such as work engagement. */
  y: ArrayLike<number>;
  /** Names for the fitted models' coefficients (defaults: x, m1, m2, …, y). */
  names?: { x: string; mediators: readonly string[]; y: string };
}

/** The effects of one fit of the model (on the data, or on one resample). */
export interface MediationEffects {
  /** aᵢ, the effect of x on mediator i. */
  a: number[];
  /** bᵢ, the effect of mediator i on y with x and the other mediators held constant. */
  b: number[];
  /** aᵢ·bᵢ. */
  indirect: number[];
  /** Σ aᵢbᵢ. */
  totalIndirect: number;
  /** c′, the effect of x on y with the mediators held constant. */
  direct: number;
  /** c, the effect of x on y ignoring the mediators; c = c′ + Σ aᵢbᵢ. */
  total: number;
  /** aᵢbᵢ − aⱼbⱼ for each pair i < j, in the order (0,1), (0,2), …, (1,2), … */
  contrasts: number[];
}

export interface MediationFits {
  ok: true;
  /** Complete responses used by every fit. */
  n: number;
  names: { x: string; mediators: string[]; y: string };
  effects: MediationEffects;
  /** Full regression tables (b, SE, t, p, β) for the dashboard: one per mediator, the outcome model, the total-effect model. */
  mediatorModels: OlsFit[];
  outcomeModel: OlsFit;
  totalModel: OlsFit;
}

export type MediationResult = MediationFits | { ok: false; reason: 'too-few-cases' | 'collinear'; n: number };

function namesOf(input: MediationInput): { x: string; mediators: string[]; y: string } {
  return {
    x: input.names?.x ?? 'x',
    mediators: input.mediators.map((_, i) => input.names?.mediators[i] ?? `m${i + 1}`),
    y: input.names?.y ?? 'y',
  };
}

function contrastsOf(indirect: readonly number[]): number[] {
  const contrasts: number[] = [];
  for (let i = 0; i < indirect.length; i++) for (let j = i + 1; j < indirect.length; j++) contrasts.push(indirect[i]! - indirect[j]!);
  return contrasts;
}

/** Point estimates with full regression tables (no bootstrap). */
export function fitMediation(input: MediationInput): MediationResult {
  const names = namesOf(input);
  const rows = completeRows([input.x, ...input.mediators, input.y]);
  const only = (column: ArrayLike<number>) => Float64Array.from(rows, (row) => column[row]!);
  const x = only(input.x);
  const mediators = input.mediators.map(only);
  const y = only(input.y);
  const mediatorModels = mediators.map((m) => ols(m, { [names.x]: x }));
  const outcomeModel = ols(y, { [names.x]: x, ...Object.fromEntries(names.mediators.map((name, i) => [name, mediators[i]!])) });
  const totalModel = ols(y, { [names.x]: x });
  for (const fit of [...mediatorModels, outcomeModel, totalModel]) if (!fit.ok) return fit;
  const fits = mediatorModels as OlsFit[];
  const outcome = outcomeModel as OlsFit;
  const a = fits.map((fit) => coefficientOf(fit, names.x).b);
  const b = names.mediators.map((name) => coefficientOf(outcome, name).b);
  const indirect = a.map((value, i) => value * b[i]!);
  return {
    ok: true,
    n: rows.length,
    names,
    effects: {
      a,
      b,
      indirect,
      totalIndirect: indirect.reduce((sum, value) => sum + value, 0),
      direct: coefficientOf(outcome, names.x).b,
      total: coefficientOf(totalModel as OlsFit, names.x).b,
      contrasts: contrastsOf(indirect),
    },
    mediatorModels: fits,
    outcomeModel: outcome,
    totalModel: totalModel as OlsFit,
  };
}
