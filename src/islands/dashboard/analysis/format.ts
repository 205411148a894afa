/** Numbers as the dashboard shows them: fixed decimals in the page's locale, and a dash for what cannot be computed. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString(document.documentElement.lang || undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
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
