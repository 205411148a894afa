/**
 * One formatter per language and number of decimals, made once: toLocaleString with options builds a new one on
 * every call, and a view change formats a few thousand figures (half the time it took to redraw the dashboard).
 */
const formatters = new Map<string, Intl.NumberFormat>();

/** Numbers as the dashboard shows them: fixed decimals in the page's locale, and a dash for what cannot be computed. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const lang = document.documentElement.lang || 'en';
  const key = `${lang}:${digits}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return formatter.format(value);
}

/** p-values: three decimals, and "< .001" rather than a row of zeros. */
export function formatP(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value < 0.001 ? '< 0.001' : formatNumber(value, 3);
}

export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${formatNumber(share * 100, 0)}%`;
}

/** "p = 0.012", or "p < 0.001" for the smallest values, for sentences. */
export function pClause(value: number | null | undefined): string {
  const p = formatP(value);
  return p.startsWith('<') ? `p ${p}` : `p = ${p}`;
}

/** A sample band's counts (analysis/sample-minimums.ts) as the values of a "more responses needed" or "indicative" sentence. */
export function sampleValues(sample: { n: number; minimum: number; adequate: number; needed: number }): Record<string, number> {
  return { n: sample.n, minimum: sample.minimum, adequate: sample.adequate, needed: sample.needed };
}

/** A figure's reading with its sample size, bracketed as the page's language writes it: （n = 40） or (n = 40). */
export function withN(reading: string, n: number): string {
  return document.documentElement.lang === 'ja' ? `${reading}（n = ${n}）` : `${reading} (n = ${n})`;
}
