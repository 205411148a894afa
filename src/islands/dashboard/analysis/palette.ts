/** Chart colours from the page's tokens, so an organisation's accent colour carries into the charts. */
export function palette() {
  const style = getComputedStyle(document.documentElement);
  const accent = style.getPropertyValue('--bn-color-accent').trim() || '#1d5c87';
  const hex = /^#[0-9a-f]{6}$/i.test(accent) ? accent : '#1d5c87';
  return {
    accent: hex,
    soft: `${hex}33`,
    muted: style.getPropertyValue('--bn-color-text-muted').trim() || '#4f5a66',
    /** Distinct, colour-blind-safe series colours (Okabe & Ito). */
    series: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'],
  };
}
